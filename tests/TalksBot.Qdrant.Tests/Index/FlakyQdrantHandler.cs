using System.Net;

namespace TalksBot.Qdrant.Tests.Index;

/// <summary>
/// Sits between the gRPC channel and the real Qdrant: the first scroll is answered 503 without reaching Qdrant, and the
/// first upsert reaches Qdrant but its answer is lost, as on a dropped connection. Every other call is forwarded untouched.
/// </summary>
internal sealed class FlakyQdrantHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    // gRPC methods are paths: /{package}.{service}/{method}.
    public const string Scroll = "/qdrant.Points/Scroll";
    public const string Upsert = "/qdrant.Points/Upsert";

    private readonly List<string> _requests = [];

    /// <summary>Every call seen, as its gRPC method path, e.g. <see cref="Scroll"/>.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
                return [.. _requests];
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri!.AbsolutePath;
        int attempt;
        lock (_requests)
        {
            _requests.Add(method);
            attempt = _requests.Count(r => r == method);
        }

        // gRPC maps an HTTP 503 to Unavailable, as a proxy in front of an overloaded Qdrant would answer.
        if (method == Scroll && attempt == 1)
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Version = HttpVersion.Version20 };

        var response = await base.SendAsync(request, cancellationToken);
        if (method == Upsert && attempt == 1)
        {
            response.Dispose();
            // A reset connection surfaces with an IOException inside, which gRPC reports as Unavailable.
            throw new HttpRequestException("The response ended prematurely.", new IOException("Connection reset by peer"));
        }

        return response;
    }
}
