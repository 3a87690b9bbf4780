using TalksBot.Core.Passages;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests.Index;

public sealed class SentenceEmbeddingTests(QdrantFixture qdrant) : IDisposable
{
    private readonly RefreshHarness _index = new(qdrant);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASentenceSharedByOverlappingPassagesAndARepeatedHeadingAreEmbeddedOnce()
    {
        const string heading = "Who sat at the table";
        const string shared = "Marco Rubio led the American side.";
        var first = "The talks opened at Diriyah Palace. " + shared;
        var second = shared + " Sergey Lavrov led the Russian side.";
        var text = first + "\n\n" + second;
        var article = TestArticles.Create("010_overlap", "Overlapping passages", text);
        article = article with
        {
            Passages =
            [
                new Passage(Guid.NewGuid(), article.Article.Id, 0, heading, first, 0, first.Length),
                new Passage(Guid.NewGuid(), article.Article.Id, 1, heading, second, first.Length + 2, text.Length),
            ],
        };
        var embedder = new RecordingEmbeddingGenerator();

        var result = await _index.RefreshAsync([article], embedder, Ct);

        string[] distinct = [heading, "The talks opened at Diriyah Palace.", shared, "Sergey Lavrov led the Russian side."];
        Assert.Equal(distinct.Order(StringComparer.Ordinal), embedder.Texts.Order(StringComparer.Ordinal));
        Assert.Equal(2, result.Build.Manifest.PassageCount);
    }

    public void Dispose() => _index.Dispose();
}
