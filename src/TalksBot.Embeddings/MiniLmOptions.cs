namespace TalksBot.Embeddings;

/// <summary>How <see cref="MiniLmEmbeddingGenerator"/> spreads work over the cores; the defaults were measured on 2 cores.</summary>
public sealed record MiniLmOptions
{
    /// <summary>Texts per ONNX call. Bigger batches pad every text to the longest one and ran slower.</summary>
    public int ChunkSize { get; init; } = 8;

    /// <summary>Chunks encoded at once; one per core.</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>ONNX Runtime threads inside one call.</summary>
    public int IntraOpThreads { get; init; } = 1;
}
