using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace TalksBot.Qdrant.Store;

/// <summary>
/// The process's one gRPC channel to Qdrant and the official <see cref="QdrantClient"/> over it. A channel multiplexes
/// every call over one HTTP/2 connection, so one per process is both the cheapest and what Qdrant.Client expects.
/// </summary>
public sealed class QdrantConnection : IDisposable
{
    // Qdrant's own gRPC limit; a scrolled page of 128 points with sentence vectors runs to a few MB, above gRPC's 4 MB default.
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    // After a failed connect, gRPC waits before trying again, doubling up to 120 s by default: a bot whose Qdrant was
    // down for a few minutes would then answer "unavailable" for up to two more. Capped so answering recovers within
    // seconds of Qdrant coming back; one connect attempt a second to a loopback or LAN address costs nothing.
    private static readonly TimeSpan InitialReconnectBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxReconnectBackoff = TimeSpan.FromSeconds(1);

    private readonly GrpcChannel _channel;
    private readonly Func<CancellationToken, Task>? _recover;

    /// <param name="address">The gRPC endpoint, e.g. <c>http://127.0.0.1:6334</c> or <c>https://xyz.cloud.qdrant.io:6334</c>.</param>
    /// <param name="apiKey">Sent as the <c>api-key</c> metadata of every call; never logged.</param>
    /// <param name="requestTimeout">The deadline of each call.</param>
    /// <param name="handler">The HTTP/2 transport, e.g. one that starts the managed server first; the connection disposes it.</param>
    /// <param name="recover">What to do when Qdrant cannot be reached, e.g. start the managed server again if it died.</param>
    public QdrantConnection(Uri address, string? apiKey, TimeSpan requestTimeout, HttpMessageHandler? handler = null, Func<CancellationToken, Task>? recover = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        Address = address;
        RequestTimeout = requestTimeout;
        _recover = recover;
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = handler ?? CreateTransport(),
            DisposeHttpClient = true,
            MaxReceiveMessageSize = MaxMessageBytes,
            // Our callers tell a cancelled call from a failed one by OperationCanceledException, as with HttpClient.
            ThrowOperationCanceledOnCancellation = true,
            InitialReconnectBackoff = InitialReconnectBackoff,
            MaxReconnectBackoff = MaxReconnectBackoff,
        });
        var invoker = string.IsNullOrEmpty(apiKey)
            ? _channel.CreateCallInvoker()
            : _channel.Intercept(metadata =>
            {
                metadata.Add("api-key", apiKey);
                return metadata;
            });
        Stubs = new QdrantGrpcClient(invoker);
        // No logger factory, on purpose: Qdrant.Client logs every failed call at Error under "Qdrant.Client", the expected
        // ones too (AlreadyExists on an idempotent create, NotFound when probing a missing collection or alias). Every failure
        // reaches QdrantIndexClient as an exception anyway, which logs it at Debug and lets the caller decide what it means.
        Client = new QdrantClient(Stubs, requestTimeout, loggerFactory: null);
    }

    /// <summary>
    /// The HTTP/2 transport for the channel. A scrolled page of points with their vectors runs to a few MB; with HTTP/2's
    /// default 64 KB stream window Qdrant would pause every 64 KB for a window update, so the window is opened wide.
    /// </summary>
    public static SocketsHttpHandler CreateTransport() => new()
    {
        EnableMultipleHttp2Connections = true,
        // SocketsHttpHandler's largest allowed window: 16 MB.
        InitialHttp2StreamWindowSize = 16 * 1024 * 1024,
    };

    /// <summary>Where the gRPC calls go.</summary>
    public Uri Address { get; }

    public TimeSpan RequestTimeout { get; }

    public QdrantClient Client { get; }

    /// <summary>The generated gRPC stubs, for the few calls whose answer the high-level client drops (e.g. delete's "existed").</summary>
    internal QdrantGrpcClient Stubs { get; }

    /// <summary>Called after a call found Qdrant unreachable, before it is retried.</summary>
    internal Task RecoverAsync(CancellationToken cancellationToken) => _recover?.Invoke(cancellationToken) ?? Task.CompletedTask;

    public void Dispose()
    {
        Client.Dispose();
        _channel.Dispose();
    }
}
