using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant.Local;

/// <summary>
/// The gRPC channel's transport to the managed Qdrant: starts the server on first use and points each call at its gRPC
/// port. Lazy start keeps a one-shot command working even when nothing started the host, and follows a reused server that
/// listens on a different port than configured.
/// </summary>
internal sealed class ManagedQdrantHandler(ManagedQdrantServer server) : DelegatingHandler(QdrantConnection.CreateTransport())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await server.EnsureStartedAsync(cancellationToken);
        var grpc = server.GrpcAddress;
        if (request.RequestUri is { IsAbsoluteUri: true } uri && uri.Authority != grpc.Authority)
        {
            request.RequestUri = new UriBuilder(uri) { Host = grpc.Host, Port = grpc.Port }.Uri;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
