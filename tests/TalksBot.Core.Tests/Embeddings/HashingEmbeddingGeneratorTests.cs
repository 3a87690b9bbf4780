using Microsoft.Extensions.AI;
using TalksBot.Core.Embeddings;

namespace TalksBot.Core.Tests.Embeddings;

public sealed class HashingEmbeddingGeneratorTests
{
    private const string Original = "Russia calls for equitable distribution of humanitarian aid in Ukraine.";

    [Fact]
    public async Task TheSameTextYieldsTheSameVectorFromSeparateInstances()
    {
        using var first = new HashingEmbeddingGenerator();
        using var second = new HashingEmbeddingGenerator();

        var a = await first.GenerateVectorAsync(Original, cancellationToken: TestContext.Current.CancellationToken);
        var b = await second.GenerateVectorAsync(Original, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void VectorsHaveUnitLength()
    {
        using var generator = new HashingEmbeddingGenerator();

        var vector = generator.Embed(Original);

        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 4);
    }

    [Fact]
    public void VectorsHaveTheConfiguredDimension()
    {
        using var generator = new HashingEmbeddingGenerator(128);

        Assert.Equal(128, generator.Embed(Original).Length);
    }

    [Fact]
    public void TypoedTextIsCloserToTheOriginalThanAnUnrelatedSentence()
    {
        using var generator = new HashingEmbeddingGenerator();
        var original = generator.Embed(Original);

        var typoed = generator.Embed("Rusia calls for equitible distribution of humanitarain aid in Ukraine");
        var unrelated = generator.Embed("The weather in Lisbon was sunny and warm all weekend.");

        Assert.True(Cosine(original, typoed) > Cosine(original, unrelated) + 0.3);
    }

    [Fact]
    public void InflectedParaphraseSharesTermsWithTheOriginal()
    {
        using var generator = new HashingEmbeddingGenerator();
        var question = generator.Embed("What was Russia's position on humanitarian aid?");

        var inflected = generator.Embed("Russia’s positions on the humanitarian aids");
        var otherTopic = generator.Embed("What was the outcome of the vote on trade tariffs?");

        Assert.True(Cosine(question, inflected) > Cosine(question, otherTopic));
    }

    [Fact]
    public void SentencesSharingOnlyFunctionWordsAreNotSimilar()
    {
        using var generator = new HashingEmbeddingGenerator();

        var a = generator.Embed("What was the position of the envoy on the ceasefire?");
        var b = generator.Embed("What was the price of the wheat in the harbour?");

        Assert.True(Cosine(a, b) < 0.15, $"cosine {Cosine(a, b):F3}");
    }

    [Fact]
    public void TextOfOnlyFunctionWordsStillEmbedsToAUnitVector()
    {
        using var generator = new HashingEmbeddingGenerator();

        var vector = generator.Embed("What is it?");

        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 4);
    }

    [Fact]
    public async Task BatchGenerationEqualsOneByOneGeneration()
    {
        using var generator = new HashingEmbeddingGenerator();
        string[] texts = [Original, "Security guarantees for Kyiv.", "The talks in Riyadh."];

        var batch = await generator.GenerateAsync(texts, cancellationToken: TestContext.Current.CancellationToken);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(generator.Embed(texts[i]), batch[i].Vector.ToArray());
        }
    }

    [Fact]
    public void MetadataNamesTheProviderModelAndDimension()
    {
        using var generator = new HashingEmbeddingGenerator(256);

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("talksbot-hashing", metadata.ProviderName);
        Assert.Equal(256, metadata.DefaultModelDimensions);
        Assert.Contains("256", metadata.DefaultModelId, StringComparison.Ordinal);
        Assert.Contains(HashingEmbeddingGenerator.AlgorithmVersion, metadata.DefaultModelId, StringComparison.Ordinal);
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}
