using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant.Tests.Index;

public sealed class RefreshPlanTests
{
    private static IndexManifest Served(string fingerprint) => new("c_v1", fingerprint, "hash", PassagePayload.CurrentSchemaVersion, 3, 9,
        DateTimeOffset.UnixEpoch, [.. TestArticles.All.Select(a => new IndexedArticle(a.Article.Id, a.Article.ContentHash, a.Passages.Count, a.Article.Info.Title, null, null, null))]);

    [Fact]
    public void UnchangedArticlesAreReusedOnlyUnderTheSameFingerprint()
    {
        var plan = RefreshPlan.Create(TestArticles.All, Served("other-embedder"), IndexHarness.Fingerprint);

        Assert.Equal(3, plan.Unchanged.Count);
        Assert.Empty(plan.Reused);
    }

    [Fact]
    public void AnArticleWithANewContentHashIsChangedAndNotReused()
    {
        var changed = TestArticles.Delegations with { Article = TestArticles.Delegations.Article with { ContentHash = "new" } };

        var plan = RefreshPlan.Create([changed, TestArticles.Outcome], Served(IndexHarness.Fingerprint), IndexHarness.Fingerprint);

        Assert.Equal(["001_riyadh_delegations"], plan.Changed);
        Assert.Equal(["003_markets"], plan.Removed);
        Assert.Equal(["002_riyadh_outcome"], plan.Reused.Order());
    }
}
