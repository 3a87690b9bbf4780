namespace TalksBot.Embeddings;

/// <summary>Which model makes the dense vectors; switching changes the index fingerprint, so the index is rebuilt.</summary>
public enum EmbeddingProvider
{
    /// <summary>all-MiniLM-L6-v2 run locally: a real sentence-embedding model, no key and no network.</summary>
    MiniLm,

    /// <summary>Model-free feature hashing: instant to load, lexical only.</summary>
    Hashing,

    /// <summary>The OpenAI-compatible endpoint's model named by <c>Llm:EmbeddingModel</c>.</summary>
    OpenAi,
}
