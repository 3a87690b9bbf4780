namespace TalksBot.Core.Embeddings;

/// <summary>
/// The unit vectors of a passage's sentences (in <see cref="Text.SentenceSplitter"/> order), stored with the passage so
/// answering compares the question with every candidate sentence without embedding them again.
/// Stored as one signed byte per component (value × 127): a unit vector's components lie in [-1, 1], and the rounding
/// moves a cosine by well under 0.01, far below the differences the sentence ranker acts on, at a quarter of the size.
/// </summary>
public sealed class SentenceVectors
{
    private const float Scale = 127f;
    private readonly sbyte[] _components;

    private SentenceVectors(sbyte[] components, int dimensions)
    {
        _components = components;
        Dimensions = dimensions;
    }

    /// <summary>The length of each vector.</summary>
    public int Dimensions { get; }

    /// <summary>How many sentences have a vector.</summary>
    public int Count => Dimensions == 0 ? 0 : _components.Length / Dimensions;

    /// <summary>Quantises <paramref name="vectors"/>, which must share one dimension.</summary>
    public static SentenceVectors From(IReadOnlyList<ReadOnlyMemory<float>> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var dimensions = vectors.Count == 0 ? 0 : vectors[0].Length;
        var components = new sbyte[vectors.Count * dimensions];
        for (var v = 0; v < vectors.Count; v++)
        {
            var span = vectors[v].Span;
            if (span.Length != dimensions)
                throw new ArgumentException($"Sentence vector {v} has {span.Length} dimensions, the first has {dimensions}.", nameof(vectors));
            for (var i = 0; i < dimensions; i++)
                components[(v * dimensions) + i] = (sbyte)Math.Clamp(MathF.Round(span[i] * Scale), -127f, 127f);
        }

        return new SentenceVectors(components, dimensions);
    }

    /// <summary>Reads what <see cref="ToBase64"/> wrote.</summary>
    /// <exception cref="FormatException">The text is not base64 of whole vectors of <paramref name="dimensions"/>.</exception>
    public static SentenceVectors FromBase64(string base64, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var bytes = Convert.FromBase64String(base64);
        if (dimensions <= 0 ? bytes.Length != 0 : bytes.Length % dimensions != 0)
            throw new FormatException($"{bytes.Length} bytes are not whole {dimensions}-dimensional sentence vectors.");
        return new SentenceVectors((sbyte[])(Array)bytes, dimensions);
    }

    /// <summary>The stored form.</summary>
    public string ToBase64() => Convert.ToBase64String((byte[])(Array)_components);

    /// <summary>The cosine of sentence <paramref name="index"/> with the unit vector <paramref name="query"/>.</summary>
    public double Cosine(int index, ReadOnlySpan<float> query)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        if (query.Length != Dimensions)
            throw new ArgumentException($"The query has {query.Length} dimensions, the sentence vectors {Dimensions}.", nameof(query));
        var row = _components.AsSpan(index * Dimensions, Dimensions);
        var dot = 0f;
        var norm = 0f;
        for (var i = 0; i < row.Length; i++)
        {
            dot += row[i] * query[i];
            norm += row[i] * row[i];
        }

        // Rounding leaves the stored vector a hair off unit length; dividing by its own norm keeps cosines exact to ±1.
        return norm == 0 ? 0 : dot / MathF.Sqrt(norm);
    }

    /// <summary>The normalised mean of a passage's sentence vectors: its vector when no embedding of the whole passage is wanted.</summary>
    public static float[] Centroid(IReadOnlyList<ReadOnlyMemory<float>> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfZero(vectors.Count);
        var sum = new float[vectors[0].Length];
        foreach (var vector in vectors)
        {
            var span = vector.Span;
            for (var i = 0; i < sum.Length; i++)
                sum[i] += span[i];
        }

        var length = MathF.Sqrt(sum.Sum(x => x * x));
        if (length > 0)
        {
            for (var i = 0; i < sum.Length; i++)
                sum[i] /= length;
        }

        return sum;
    }
}
