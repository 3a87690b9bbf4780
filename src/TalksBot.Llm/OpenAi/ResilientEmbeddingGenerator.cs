using Microsoft.Extensions.AI;

namespace TalksBot.Llm.OpenAi;

/// <summary>
/// Middleware next to the OpenAI embedding adapter: sends at most <see cref="MaxBatchSize"/> inputs per request, each
/// under <see cref="LlmResilience"/>, and every failure leaves as an <see cref="LlmException"/> without the API key.
/// </summary>
internal sealed class ResilientEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, LlmResilience resilience, string? apiKey)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    /// <summary>Inputs per request: well under OpenAI's 2,048 and small enough for local servers' request limits.</summary>
    public const int MaxBatchSize = 64;

    private const string ModelSetting = nameof(LlmOptions.EmbeddingModel);

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        long inputTokens = 0;
        foreach (var batch in values.Chunk(MaxBatchSize))
        {
            var embeddings = await resilience.ExecuteAsync(token => base.GenerateAsync(batch, options, token), apiKey, ModelSetting, cancellationToken);
            if (embeddings.Count != batch.Length)
            {
                throw LlmErrors.InvalidReply($"{embeddings.Count} embeddings for {batch.Length} inputs");
            }

            result.AddRange(embeddings);
            inputTokens += embeddings.Usage?.InputTokenCount ?? 0;
        }

        result.Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = inputTokens };
        return result;
    }
}
