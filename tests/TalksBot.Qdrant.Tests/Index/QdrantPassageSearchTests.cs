using TalksBot.Qdrant.Store;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests.Index;

public sealed class QdrantPassageSearchTests(QdrantFixture qdrant)
{
    private readonly IndexHarness _index = new(qdrant);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, int> QuestionsAndAnswers => new()
    {
        { "Who led the American delegation?", TestArticles.Delegations.Article.Id, 1 },
        { "Who represented the Russian side?", TestArticles.Delegations.Article.Id, 2 },
        { "When did the officials meet in Saudi Arabia?", TestArticles.Delegations.Article.Id, 0 },
        { "Was Ukraine invited to the meeting?", TestArticles.Delegations.Article.Id, 3 },
        { "What did the two sides agree about their embassies?", TestArticles.Outcome.Article.Id, 0 },
        { "Where did European leaders hold an emergency summit?", TestArticles.Outcome.Article.Id, 2 },
        { "How much did Brent crude fall?", TestArticles.Markets.Article.Id, 1 },
    };

    [Theory]
    [MemberData(nameof(QuestionsAndAnswers))]
    public async Task HybridSearchRanksThePassageThatAnswersTheQuestionFirst(string question, string articleId, int ordinal)
    {
        await _index.BuildAsync(TestArticles.All, Ct);

        var results = await _index.Search.SearchAsync(question, 3, Ct);

        Assert.Equal((articleId, ordinal), (results[0].Passage.ArticleId, results[0].Passage.Ordinal));
    }

    [Fact]
    public async Task ResultsCarryThePassageAndArticleMetadataCitationsNeed()
    {
        await _index.BuildAsync(TestArticles.All, Ct);
        var expected = TestArticles.Passage(TestArticles.Delegations, 1);

        var top = (await _index.Search.SearchAsync("Who led the American delegation?", 1, Ct))[0];

        Assert.Equal(expected, top.Passage);
        Assert.Equal(TestArticles.Delegations.Article.Info, top.Article);
        Assert.Equal(0, top.Rank);
        Assert.True(top.Score > 0);
    }

    [Fact]
    public async Task SearchReturnsAtMostTheLimitBestFirst()
    {
        await _index.BuildAsync(TestArticles.All, Ct);

        var results = await _index.Search.SearchAsync("talks in Riyadh", 4, Ct);

        Assert.Equal(4, results.Count);
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.Rank));
        // The best passage leads; below it, passages from an article that already has its share may follow others.
        Assert.Equal(results.Max(r => r.Score), results[0].Score);
    }

    [Fact]
    public async Task SearchReadsTheCollectionTheAliasServesAfterASwap()
    {
        await _index.BuildAsync([TestArticles.Markets], Ct);
        await _index.BuildAsync([TestArticles.Delegations], Ct);

        var results = await _index.Search.SearchAsync("Brent crude oil prices", 10, Ct);

        Assert.All(results, r => Assert.Equal(TestArticles.Delegations.Article.Id, r.Passage.ArticleId));
    }

    [Fact]
    public async Task SearchingBeforeAnythingIsIndexedThrowsQdrantNotFound()
    {
        var error = await Assert.ThrowsAsync<QdrantException>(() => _index.Search.SearchAsync("Who led the delegation?", 3, Ct));

        Assert.Equal(Grpc.Core.StatusCode.NotFound, error.StatusCode);
    }
}
