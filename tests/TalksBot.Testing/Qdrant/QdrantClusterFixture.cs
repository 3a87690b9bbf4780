using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TalksBot.Qdrant;
using TalksBot.Qdrant.Local;
using Xunit;

namespace TalksBot.Testing.Qdrant;

/// <summary>
/// A 3-node Qdrant cluster of the project's own binary on loopback, in distributed mode: each node a
/// <see cref="ManagedQdrantServer"/> (free HTTP and gRPC ports, temporary storage) given the cluster arguments on top:
/// a free p2p port, node 0 started with <c>--uri</c> and the others with <c>--bootstrap</c> to it. A test can SIGKILL one
/// node (<see cref="Kill"/>) and start it again on the same storage (<see cref="RestartAsync"/>). Use it as an xunit class
/// fixture; the app talks to node 0 (<see cref="BaseAddress"/>), so tests kill the other nodes.
/// </summary>
public sealed class QdrantClusterFixture : IAsyncLifetime
{
    public const int NodeCount = 3;

    // Generous: the nodes share two cores with the test run and other builds.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly ManagedQdrantServer[] _nodes = new ManagedQdrantServer[NodeCount];
    private string? _root;

    /// <summary>Node 0's REST address, where the app under test points <c>Qdrant:Url</c>.</summary>
    public Uri BaseAddress => _nodes[0].BaseAddress;

    /// <summary>Node 0's gRPC address (<c>Qdrant:GrpcUrl</c>).</summary>
    public Uri GrpcAddress => _nodes[0].GrpcAddress;

    public async ValueTask InitializeAsync()
    {
        QdrantInstallation.EnsureInstalled("cluster tests");
        _root = Directory.CreateTempSubdirectory("talksbot-qdrant-cluster-").FullName;
        var ports = LoopbackPorts.Free(3 * NodeCount);
        var founder = $"http://127.0.0.1:{Port(ports[2])}";
        for (var i = 0; i < NodeCount; i++)
            _nodes[i] = Node(i == 0, ports[3 * i], ports[(3 * i) + 1], ports[(3 * i) + 2], founder, Path.Combine(_root, $"node{i}"));

        var ct = TestContext.Current.CancellationToken;
        // The first node founds the cluster; the others can only join once it answers.
        await _nodes[0].EnsureStartedAsync(ct);
        await Task.WhenAll(_nodes.Skip(1).Select(node => node.EnsureStartedAsync(ct)));
        await WaitForAsync(async token => (await GetResultAsync(0, "cluster", token)).GetProperty("peers").EnumerateObject().Count() == NodeCount,
            "all three peers to join the cluster", ct);
    }

    /// <summary>A node's REST address.</summary>
    public Uri RestAddress(int node) => _nodes[node].BaseAddress;

    /// <summary>SIGKILLs a node: no shutdown runs, as when its machine dies. Its storage is kept for <see cref="RestartAsync"/>.</summary>
    public void Kill(int node)
    {
        using var process = Process.GetProcessById(_nodes[node].ProcessId ?? throw new InvalidOperationException($"Node {node} was never started."));
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>Starts a killed node again on its ports and storage; it rejoins the cluster from its stored state.</summary>
    public Task RestartAsync(int node, CancellationToken cancellationToken) => _nodes[node].RestartIfDeadAsync(cancellationToken);

    /// <summary>The <c>result</c> of a REST GET on a node, e.g. <c>collections/talks_v1/cluster</c>.</summary>
    public async Task<JsonElement> GetResultAsync(int node, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(_nodes[node].BaseAddress, path), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode
            ? body.GetProperty("result").Clone()
            : throw new HttpRequestException($"GET {path} on node {node} answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with what was awaited after a generous timeout.</summary>
    public async Task WaitForAsync(Func<CancellationToken, Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition(timeout.Token))
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
                                          || (e is TaskCanceledException && !timeout.IsCancellationRequested))
            {
                // A node still starting refuses connections or answers before its collections are loaded.
                last = e;
            }

            try
            {
                await Task.Delay(PollInterval, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {StartTimeout.TotalSeconds} s for {what}. Last error: {last?.Message ?? "none"}. {Tails()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_nodes.Where(n => n is not null).Select(n => n.DisposeAsync().AsTask()));
        _http.Dispose();
        if (_root is not null && Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private string Tails() => string.Join(" ", _nodes.Select((n, i) => $"[node {i}: {n.OutputTail().ReplaceLineEndings(" | ")}]"));

    private static ManagedQdrantServer Node(bool founds, int httpPort, int grpcPort, int p2pPort, string founder, string storage) =>
        new(Options.Create(new QdrantOptions
        {
            Local =
            {
                BinaryPath = QdrantInstallation.BinaryPath,
                HttpPort = httpPort,
                GrpcPort = grpcPort,
                StoragePath = storage,
                StartTimeout = StartTimeout,
            },
        }), configureLaunch: info =>
        {
            // Node 0 announces its own p2p address; the others join through it. On a restart the stored cluster state
            // wins and --bootstrap is ignored, as for a node of a real deployment that comes back.
            info.ArgumentList.Add(founds ? "--uri" : "--bootstrap");
            info.ArgumentList.Add(founder);
            info.Environment["QDRANT__CLUSTER__ENABLED"] = "true";
            info.Environment["QDRANT__CLUSTER__P2P__PORT"] = Port(p2pPort);
        });

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
