using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TalksBot.Core.Articles;
using TalksBot.Core.Retrieval;
using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Local;
using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant;

public static class QdrantHostingExtensions
{
    /// <summary>
    /// Registers the Qdrant client (section <c>Qdrant</c>, validated at start-up): one gRPC channel and one
    /// <see cref="global::Qdrant.Client.QdrantClient"/> for the process, disposed with the host; the managed local server when
    /// no <c>Qdrant:Url</c> is set; <see cref="IPassageSearch"/>, <see cref="PassageIndexWriter"/> with its
    /// <see cref="QdrantPointCopier"/> (a refresh copies unchanged articles' points) and <see cref="IArticleCatalog"/>.
    /// Search needs an <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> registered by the caller.
    /// </summary>
    public static IHostApplicationBuilder AddQdrant(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<QdrantOptions, QdrantOptionsValidator>()
            .Bind(builder.Configuration.GetSection(QdrantOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        var managed = string.IsNullOrWhiteSpace(builder.Configuration[$"{QdrantOptions.Section}:Url"]);
        if (managed)
        {
            services.AddSingleton<ManagedQdrantServer>();
            services.AddHostedService(provider => provider.GetRequiredService<ManagedQdrantServer>());
        }

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<QdrantOptions>>().Value;
            // The managed server starts on the first call and may be one already running on other ports: the handler follows it.
            if (!managed)
            {
                return new QdrantConnection(options.GrpcAddress, options.ApiKey, options.RequestTimeout);
            }

            var server = provider.GetRequiredService<ManagedQdrantServer>();
            return new QdrantConnection(options.GrpcAddress, options.ApiKey, options.RequestTimeout, new ManagedQdrantHandler(server), server.RestartIfDeadAsync);
        });
        services.AddSingleton(provider => provider.GetRequiredService<QdrantConnection>().Client);
        services.AddSingleton<QdrantIndexClient>();
        services.AddSingleton<QdrantPointCopier>();
        services.AddSingleton<PassageIndexWriter>();
        services.AddSingleton<IPassageSearch, QdrantPassageSearch>();
        services.AddSingleton<QdrantBm25Search>();
        services.TryAddSingleton<IArticleCatalog, QdrantArticleCatalog>();
        return builder;
    }
}
