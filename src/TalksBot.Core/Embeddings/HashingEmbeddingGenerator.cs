using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Extensions.AI;
using TalksBot.Core.Text;

namespace TalksBot.Core.Embeddings;

/// <summary>
/// A model-free embedding: signed feature hashing of stemmed content-word unigrams and bigrams (function words
/// dropped) plus character 3–5-grams of each word, sub-linear term frequency, L2-normalised. Text without any
/// word (e.g. "?") embeds to the zero vector, which callers should not search with. Deterministic across processes and
/// machines, needs no network, and tolerates small typos through the character n-grams.
/// </summary>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in the metadata.</summary>
    public const string ProviderName = "talksbot-hashing";

    /// <summary>Changes whenever the features or weights change, so stored vectors are rebuilt.</summary>
    public const string AlgorithmVersion = "v3";

    /// <summary>The default vector size: the size of common small sentence-embedding models.</summary>
    public const int DefaultDimensions = 384;

    // Words carry the meaning; bigrams add phrase order; character n-grams are many per word, so each weighs little.
    private const float UnigramWeight = 1.0f;
    private const float BigramWeight = 0.7f;
    private const float CharGramWeight = 0.25f;
    private const ulong UnigramSeed = 0x9E3779B97F4A7C15;
    private const ulong BigramSeed = 0xC2B2AE3D27D4EB4F;
    private const ulong CharGramSeed = 0x165667B19E3779F9;

    // Bounds the n-gram cache: a large vocabulary of news English fits well within it.
    private const int MaxCachedWords = 200_000;

    private static readonly ConcurrentDictionary<string, ulong[]> CharGramCache = new(StringComparer.Ordinal);

    private static int _cachedWords;

    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Creates a generator producing vectors of <paramref name="dimensions"/> floats.</summary>
    public HashingEmbeddingGenerator(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, 65536);
        Dimensions = dimensions;
        ModelId = $"{ProviderName}-{AlgorithmVersion}-{dimensions}";
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, ModelId, dimensions);
    }

    /// <summary>The vector size.</summary>
    public int Dimensions { get; }

    /// <summary>Names the algorithm version and dimension, e.g. <c>talksbot-hashing-v3-384</c>.</summary>
    public string ModelId { get; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } requested && requested != Dimensions)
        {
            throw new NotSupportedException(
                $"This generator was created for {Dimensions} dimensions; {requested} were requested. Configure the dimension when creating it.");
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId });
        }

        return Task.FromResult(embeddings);
    }

    /// <summary>Embeds one text synchronously; the same text always yields the same vector.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var features = new Dictionary<ulong, (float Weight, int Count)>();
        var allWords = WordTokenizer.Words(text);

        // Function words would make every passage look alike; a text made only of them keeps them, or it would embed to nothing.
        var words = allWords.Where(w => !FunctionWords.Contains(w)).ToList();
        if (words.Count == 0)
        {
            words = [.. allWords];
        }

        string? previous = null;
        foreach (var word in words)
        {
            var term = WordTokenizer.Stem(word);
            Add(features, Fnv1a.Hash(term, UnigramSeed), UnigramWeight);
            if (previous is not null)
            {
                Add(features, Fnv1a.Hash($"{previous} {term}", BigramSeed), BigramWeight);
            }

            previous = term;
            AddCharGrams(features, word);
        }

        var vector = new float[Dimensions];
        foreach (var (hash, (weight, count)) in features)
        {
            var bucket = (int)(hash % (ulong)Dimensions);
            var sign = (hash >> 63) == 0 ? 1f : -1f;
            vector[bucket] += sign * weight * (1f + MathF.Log(count));
        }

        Normalise(vector);
        return vector;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static void AddCharGrams(Dictionary<ulong, (float Weight, int Count)> features, string word)
    {
        foreach (var hash in CharGramHashes(word))
        {
            Add(features, hash, CharGramWeight);
        }
    }

    // News vocabulary repeats heavily across passages, so a word's n-gram hashes are computed once and reused.
    private static ulong[] CharGramHashes(string word)
    {
        if (CharGramCache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var padded = $"<{word}>";
        var hashes = new List<ulong>(3 * padded.Length);
        for (var n = 3; n <= 5; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                hashes.Add(Fnv1a.Hash(padded.AsSpan(start, n), CharGramSeed));
            }
        }

        var result = hashes.ToArray();
        // ConcurrentDictionary.Count takes every lock; a plain counter is enough to bound the size.
        if (Volatile.Read(ref _cachedWords) < MaxCachedWords && CharGramCache.TryAdd(word, result))
        {
            Interlocked.Increment(ref _cachedWords);
        }

        return result;
    }

    private static void Add(Dictionary<ulong, (float Weight, int Count)> features, ulong hash, float weight)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(features, hash, out _);
        entry = (weight, entry.Count + 1);
    }

    private static void Normalise(float[] vector)
    {
        var sum = 0f;
        foreach (var x in vector)
        {
            sum += x * x;
        }

        if (sum <= 0f)
        {
            return;
        }

        var scale = 1f / MathF.Sqrt(sum);
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] *= scale;
        }
    }
}
