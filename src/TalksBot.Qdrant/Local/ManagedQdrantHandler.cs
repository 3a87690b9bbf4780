namespace TalksBot.Qdrant.Local;

/// <summary>
/// Starts the managed Qdrant on first use and points each request at it. Lazy start keeps a one-shot command working
/// even when nothing started the host, and follows a reused server that listens on a different port than configured.
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

        return await base.SendAsync(request, cancellationToken);
    }
}
