namespace TalksBot.Qdrant.Local;

/// <summary>
/// Starts the managed Qdrant on first use and points each request at it. Lazy start keeps a one-shot command working
/// even when nothing started the host, and follows a reused server that listens on a different port than configured.
/// Requests close their connection: Qdrant's graceful shutdown waits for idle keep-alive connections (about 5 s), which
/// would dominate a one-shot command's wall clock; a fresh loopback connection costs well under a millisecond.
/// </summary>
internal sealed class ManagedQdrantHandler(ManagedQdrantServer server) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var baseAddress = await server.EnsureStartedAsync(cancellationToken);
        if (request.RequestUri is { IsAbsoluteUri: true } uri && uri.Authority != baseAddress.Authority)
        {
            request.RequestUri = new UriBuilder(uri) { Host = baseAddress.Host, Port = baseAddress.Port }.Uri;
        }

        request.Headers.ConnectionClose = true;
        return await base.SendAsync(request, cancellationToken);
    }
}
