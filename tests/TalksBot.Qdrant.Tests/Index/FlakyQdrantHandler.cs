using System.Net;

namespace TalksBot.Qdrant.Tests.Index;

/// <summary>
/// Sits between a client and the real Qdrant: the first scroll is answered 503 without reaching Qdrant, and the first
/// upsert reaches Qdrant but its answer is lost, as on a dropped connection. Every other request is forwarded untouched.
/// </summary>
internal sealed class FlakyQdrantHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public const string Scroll = "POST points/scroll";
    public const string Upsert = "PUT points";

    private readonly List<string> _requests = [];

    /// <summary>Every request seen, as method and path below the collection, e.g. <see cref="Scroll"/>.</summary>
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
        // "/collections/{name}/points/scroll" → "points/scroll": collection names differ per test.
        var endpoint = $"{request.Method} {string.Join('/', request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2))}";
        int attempt;
        lock (_requests)
        {
            _requests.Add(endpoint);
            attempt = _requests.Count(r => r == endpoint);
        }

        if (endpoint == Scroll && attempt == 1)
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("""{"status":{"error":"overloaded"}}""") };

        var response = await base.SendAsync(request, cancellationToken);
        if (endpoint == Upsert && attempt == 1)
        {
            response.Dispose();
            throw new HttpRequestException("The response ended prematurely.");
        }

        return response;
    }
}
