using Microsoft.Extensions.AI;

namespace TalksBot.Embeddings.Tests;

public sealed class MiniLmEmbeddingGeneratorTests(MiniLmFixture fixture)
{
    private static readonly string[] Sentences =
    [
        "Who led the U.S. delegation?",
        "The talks took place in Riyadh, Saudi Arabia.",
        "Russia calls for equitable distribution of humanitarian aid in Ukraine.",
        "?",
        "",
        "Which Gulf kingdom hosted the meeting?",
        "Fresh snow closed the mountain pass for the weekend.",
        "The Secretary of State headed the American team.",
        "Oil prices rose after the announcement.",
    ];

    private readonly MiniLmEmbeddingGenerator _generator = fixture.Generator;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSameTextYieldsTheSameVectorFromSeparateInstances()
    {
        using var other = new MiniLmEmbeddingGenerator(new MiniLmOptions { ChunkSize = 3, Parallelism = 2 });

        var a = await _generator.GenerateAsync(Sentences, cancellationToken: Token);
        var b = await other.GenerateAsync(Sentences, cancellationToken: Token);

        Assert.Equal(a.Select(e => e.Vector.ToArray()), b.Select(e => e.Vector.ToArray()));
    }

    [Fact]
    public async Task VectorsHave384DimensionsAndUnitLength()
    {
        var embeddings = await _generator.GenerateAsync(Sentences.Where(s => s.Any(char.IsLetter)), cancellationToken: Token);

        Assert.All(embeddings, e =>
        {
            Assert.Equal(MiniLmEmbeddingGenerator.Dimensions, e.Vector.Length);
            Assert.Equal(1.0, Math.Sqrt(e.Vector.ToArray().Sum(x => (double)x * x)), 5);
        });
    }

    [Fact]
    public async Task ABatchGivesTheSameVectorsAsOneByOne()
    {
        var batch = await _generator.GenerateAsync(Sentences, cancellationToken: Token);

        for (var i = 0; i < Sentences.Length; i++)
        {
            var single = await _generator.GenerateVectorAsync(Sentences[i], cancellationToken: Token);
            Assert.Equal(single.ToArray(), batch[i].Vector.ToArray());
        }
    }

    [Fact]
    public async Task AParaphraseScoresHigherThanAnUnrelatedSentence()
    {
        var question = await _generator.GenerateVectorAsync("Which Gulf kingdom hosted the meeting?", cancellationToken: Token);
        var answer = await _generator.GenerateVectorAsync("The talks took place in Riyadh, Saudi Arabia.", cancellationToken: Token);
        var distractor = await _generator.GenerateVectorAsync("Fresh snow closed the mountain pass for the weekend.", cancellationToken: Token);

        Assert.True(
            Cosine(question, answer) > Cosine(question, distractor) + 0.1,
            $"paraphrase {Cosine(question, answer):0.000}, distractor {Cosine(question, distractor):0.000}");
    }

    [Fact]
    public async Task TextBeyondTheModelsTokenLimitIsCut()
    {
        var longText = string.Join(' ', Enumerable.Repeat("A long passage about ceasefire negotiations in the Gulf.", 70));

        var cut = await _generator.GenerateAsync([longText, longText + " Fresh snow closed the mountain pass."], cancellationToken: Token);

        Assert.Equal(cut[0].Vector.ToArray(), cut[1].Vector.ToArray());
    }

    [Fact]
    public async Task ConcurrentCallersGetTheSameVectors()
    {
        var expected = await _generator.GenerateAsync(Sentences, cancellationToken: Token);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => _generator.GenerateAsync(Sentences, cancellationToken: Token), Token)));

        Assert.All(results, r => Assert.Equal(expected.Select(e => e.Vector.ToArray()), r.Select(e => e.Vector.ToArray())));
    }

    [Fact]
    public void TheMetadataNamesTheModelAndDimension()
    {
        var metadata = _generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(
            (MiniLmEmbeddingGenerator.ProviderName, "all-MiniLM-L6-v2", 384),
            (metadata?.ProviderName, metadata?.DefaultModelId, metadata?.DefaultModelDimensions));
    }

    private static double Cosine(ReadOnlyMemory<float> a, ReadOnlyMemory<float> b) =>
        a.Span.ToArray().Zip(b.Span.ToArray(), (x, y) => (double)x * y).Sum();
}
