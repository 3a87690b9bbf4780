using TalksBot.Core.Embeddings;

namespace TalksBot.Core.Tests.Embeddings;

public sealed class SentenceVectorsTests
{
    private const int Dimensions = 384;

    [Fact]
    public void VectorsReadBackFromBase64AreTheOnesWritten()
    {
        var vectors = SentenceVectors.From(RandomUnitVectors(3, seed: 1));

        var read = SentenceVectors.FromBase64(vectors.ToBase64(), Dimensions);

        Assert.Equal(3, read.Count);
        Assert.Equal(Dimensions, read.Dimensions);
        Assert.Equal(vectors.ToBase64(), read.ToBase64());
    }

    [Fact]
    public void TheStoredCosineIsWithinAHundredthOfTheExactOne()
    {
        var sentences = RandomUnitVectors(20, seed: 2);
        var query = RandomUnitVectors(1, seed: 3)[0].Span;
        var stored = SentenceVectors.FromBase64(SentenceVectors.From(sentences).ToBase64(), Dimensions);

        for (var i = 0; i < sentences.Count; i++)
        {
            var exact = Dot(sentences[i].Span, query);
            Assert.InRange(stored.Cosine(i, query), exact - 0.01, exact + 0.01);
        }
    }

    [Fact]
    public void TheCentroidOfSentenceVectorsIsAUnitVector()
    {
        var centroid = SentenceVectors.Centroid(RandomUnitVectors(5, seed: 4));

        Assert.InRange(Math.Sqrt(Dot(centroid, centroid)), 1 - 1e-5, 1 + 1e-5);
    }

    private static List<ReadOnlyMemory<float>> RandomUnitVectors(int count, int seed)
    {
#pragma warning disable CA5394 // Test data, not security: a seeded generator makes the vectors the same on every run.
        var random = new Random(seed);
        var vectors = new List<ReadOnlyMemory<float>>();
        for (var v = 0; v < count; v++)
        {
            var vector = new float[Dimensions];
            for (var i = 0; i < Dimensions; i++)
                vector[i] = (float)((random.NextDouble() * 2) - 1);
#pragma warning restore CA5394
            var length = MathF.Sqrt(vector.Sum(x => x * x));
            vectors.Add(vector.Select(x => x / length).ToArray());
        }

        return vectors;
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
