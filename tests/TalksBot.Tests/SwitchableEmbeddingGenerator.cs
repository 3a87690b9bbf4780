using Microsoft.Extensions.AI;
using TalksBot.Core.Embeddings;

namespace TalksBot.Tests;

/// <summary>The default hashing embedder, made to fail on demand so a test can break a refresh midway.</summary>
internal sealed class SwitchableEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HashingEmbeddingGenerator _inner = new();

    public bool Fail { get; set; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
        Fail ? throw new HttpRequestException("the embedding service answered 503") : _inner.GenerateAsync(values, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

    public void Dispose() => _inner.Dispose();
}
