namespace TalksBot.Llm;

/// <summary>Keys of the keyed services <see cref="LlmHostingExtensions.AddLlm"/> reads and writes.</summary>
public static class LlmServiceKeys
{
    /// <summary>
    /// The <see cref="Core.Answering.IAnswerer"/> the generative answerer falls back to (the extractive one);
    /// the executable registers it under this key.
    /// </summary>
    public const string FallbackAnswerer = "extractive";

    /// <summary>
    /// The endpoint's <see cref="Microsoft.Extensions.AI.IEmbeddingGenerator{TInput, TEmbedding}"/> (Llm:EmbeddingModel),
    /// keyed so that <c>AddEmbeddings</c>, which picks the one unkeyed embedder, can choose it.
    /// </summary>
    public const string EndpointEmbeddings = "openai-compatible";
}
