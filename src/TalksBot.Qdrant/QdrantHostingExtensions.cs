using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Articles;
using TalksBot.Core.Retrieval;
using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Local;
using TalksBot.Qdrant.Rest;

namespace TalksBot.Qdrant;

public static class QdrantHostingExtensions
{
    public const string HttpClientName = "TalksBot.Qdrant";

    /// <summary>
    /// Registers the Qdrant client (section <c>Qdrant</c>, validated at start-up), the managed local server when no
    /// <c>Qdrant:Url</c> is set, <see cref="IPassageSearch"/>, <see cref="PassageIndexWriter"/> and <see cref="IArticleCatalog"/>.
    /// Search needs an <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> registered by the caller.
    /// </summary>
    public static IHostApplicationBuilder AddQdrant(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<QdrantOptions, QdrantOptionsValidator>()
            .Bind(builder.Configuration.GetSection(QdrantOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        var http = services.AddHttpClient(HttpClientName, (provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<QdrantOptions>>().Value;
                client.BaseAddress = options.Url ?? new Uri($"http://127.0.0.1:{options.Local.HttpPort.ToString(CultureInfo.InvariantCulture)}/");
                client.Timeout = options.RequestTimeout;
                if (!string.IsNullOrEmpty(options.ApiKey))
                {
                    client.DefaultRequestHeaders.Add("api-key", options.ApiKey);
                }
            })
            // One long-lived handler with pooled-connection recycling, so the singleton client below never holds a stale handler.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The factory's own per-request Information logs would flood the console; QdrantRestClient logs what matters.
            .RemoveAllLoggers();

        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{QdrantOptions.Section}:Url"]))
        {
            services.AddSingleton<ManagedQdrantServer>();
            services.AddHostedService(provider => provider.GetRequiredService<ManagedQdrantServer>());
            services.AddTransient<ManagedQdrantHandler>();
            http.AddHttpMessageHandler<ManagedQdrantHandler>();
        }

        services.AddSingleton(provider => new QdrantRestClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetService<ILogger<QdrantRestClient>>()));
        services.AddSingleton<PassageIndexWriter>();
        services.AddSingleton<IPassageSearch, QdrantPassageSearch>();
        services.AddSingleton<QdrantBm25Search>();
        services.TryAddSingleton<IArticleCatalog, QdrantArticleCatalog>();
        return builder;
    }
}
