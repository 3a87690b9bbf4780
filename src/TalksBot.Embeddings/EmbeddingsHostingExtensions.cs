using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Embeddings;
using TalksBot.Llm;

namespace TalksBot.Embeddings;

public static class EmbeddingsHostingExtensions
{
    /// <summary>
    /// Registers <see cref="EmbeddingsOptions"/> (section <c>Embeddings</c>, validated at start-up) and the one
    /// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> it names. With <c>MiniLm</c> the model starts loading
    /// when the host starts. Call after <c>AddLlm</c> (for <c>OpenAi</c>) and before <c>AddQdrant</c> (so the load
    /// overlaps Qdrant's start).
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<EmbeddingsOptions, EmbeddingsOptionsValidator>()
            .Bind(builder.Configuration.GetSection(EmbeddingsOptions.Section))
            .Configure<IOptions<LlmOptions>>((options, llm) => options.LlmEmbeddingConfigured = llm.Value.IsEmbeddingConfigured);

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmbeddingsOptions>>().Value;
            return new MiniLmEmbeddingGenerator(
                new MiniLmOptions
                {
                    ChunkSize = options.ChunkSize,
                    Parallelism = options.Parallelism,
                },
                sp.GetRequiredService<ILogger<MiniLmEmbeddingGenerator>>());
        });
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp =>
            sp.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.ProviderKind switch
            {
                EmbeddingProvider.Hashing => new HashingEmbeddingGenerator(),
                EmbeddingProvider.OpenAi => sp.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(LlmServiceKeys.EndpointEmbeddings),
                _ => sp.GetRequiredService<MiniLmEmbeddingGenerator>(),
            });

        // Decided from configuration now (as AddLlm does): only the MiniLM provider has a model worth loading early.
        var provider = builder.Configuration[$"{EmbeddingsOptions.Section}:{nameof(EmbeddingsOptions.Provider)}"];
        if (string.IsNullOrWhiteSpace(provider)
            || (EmbeddingsOptions.TryParseProvider(provider, out var kind) && kind == EmbeddingProvider.MiniLm))
        {
            services.AddHostedService<MiniLmWarmUpService>();
        }

        return builder;
    }
}
