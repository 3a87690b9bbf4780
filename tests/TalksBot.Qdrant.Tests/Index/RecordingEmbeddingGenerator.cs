using Microsoft.Extensions.AI;
using TalksBot.Core.Embeddings;

namespace TalksBot.Qdrant.Tests.Index;

/// <summary>Core's hashing embedder that records every text it embeds and can fail a chosen call, to see what a refresh re-embeds.</summary>
internal sealed class RecordingEmbeddingGenerator(int failOnCall = 0, TimeSpan? delayPerCall = null) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HashingEmbeddingGenerator _inner = new(dimensions: 128);
    private readonly List<string> _texts = [];
    private int _calls;

    public IReadOnlyList<string> Texts
    {
        get
        {
            lock (_texts)
                return [.. _texts];
        }
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        if (Interlocked.Increment(ref _calls) == failOnCall)
            throw new HttpRequestException($"embedding call {failOnCall} failed");
        lock (_texts)
            _texts.AddRange(texts);
        if (delayPerCall is { } delay)
            await Task.Delay(delay, cancellationToken);
        return await _inner.GenerateAsync(texts, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

    public void Dispose() => _inner.Dispose();
}
