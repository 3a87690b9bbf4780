using Microsoft.Extensions.AI;
using TalksBot.Core.Embeddings;

namespace TalksBot.Qdrant.Tests;

/// <summary>Core's hashing embedder, with a callback run before each call so a test can fail a chosen batch.</summary>
internal sealed class CallbackEmbeddingGenerator(Action<int> beforeCall) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HashingEmbeddingGenerator _inner = new(dimensions: 128);
    private int _calls;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        beforeCall(Interlocked.Increment(ref _calls));
        return _inner.GenerateAsync(values, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

    public void Dispose() => _inner.Dispose();
}
