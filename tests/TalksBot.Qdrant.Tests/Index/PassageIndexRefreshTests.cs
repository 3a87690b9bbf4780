using TalksBot.Qdrant.Index;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests.Index;

public sealed class PassageIndexRefreshTests(QdrantFixture qdrant) : IDisposable
{
    private readonly RefreshHarness _index = new(qdrant);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ArticlePassages ChangedOutcome = TestArticles.Create("002_riyadh_outcome", "What the two sides agreed",
        "After four and a half hours at Diriyah Palace, both sides agreed to restore the staffing of their embassies in Washington and Moscow.",
        "A follow-up meeting in Istanbul was set for the end of the month to settle the embassy details.");

    [Fact]
    public async Task RefreshReEmbedsOnlyTheChangedArticleAndCopiesTheUnchangedPointsExactly()
    {
        var first = await _index.RefreshAsync(TestArticles.All, new RecordingEmbeddingGenerator(), Ct);
        var embedder = new RecordingEmbeddingGenerator();

        var second = await _index.RefreshAsync([TestArticles.Delegations, ChangedOutcome, TestArticles.Markets], embedder, Ct);

        Assert.Equal(ChangedOutcome.Passages.Select(p => p.SearchText).Order(), embedder.Texts.Order());
        Assert.Equal(["002_riyadh_outcome"], second.Plan.Changed);
        Assert.Equal(ChangedOutcome.Passages.Count, second.PassagesEmbedded);
        var before = await _index.PointsAsync(first.Build.Manifest.Collection, Ct);
        var after = await _index.PointsAsync(second.Build.Manifest.Collection, Ct);
        foreach (var passage in TestArticles.Delegations.Passages.Concat(TestArticles.Markets.Passages))
            Assert.Equal(before[passage.Id.ToString()], after[passage.Id.ToString()]);
    }

    [Fact]
    public async Task RefreshReportsAddedChangedRemovedAndUnchangedArticles()
    {
        await _index.RefreshAsync(TestArticles.All, new RecordingEmbeddingGenerator(), Ct);
        var added = TestArticles.Create("004_paris_summit", "Europeans meet in Paris", "European leaders met at the Elysee Palace on February 17.");

        var result = await _index.RefreshAsync([TestArticles.Delegations, ChangedOutcome, added], new RecordingEmbeddingGenerator(), Ct);

        Assert.Equal(["004_paris_summit"], result.Plan.Added);
        Assert.Equal(["002_riyadh_outcome"], result.Plan.Changed);
        Assert.Equal(["003_markets"], result.Plan.Removed);
        Assert.Equal(["001_riyadh_delegations"], result.Plan.Unchanged);
        Assert.Equal(0, await _index.Client.CountAsync(_index.Options.Alias, TalksBot.Qdrant.Store.QdrantFilter.KeywordIs("article_id", "003_markets"), Ct));
    }

    [Fact]
    public async Task RefreshThatFailsMidwayKeepsServingTheOldIndexAndLeavesNoOrphan()
    {
        var first = await _index.RefreshAsync(TestArticles.All, new RecordingEmbeddingGenerator(), Ct);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            _index.RefreshAsync([.. TestArticles.All, TestArticles.Long("005_long", 200)], new RecordingEmbeddingGenerator(failOnCall: 3), Ct));

        Assert.Contains("embedding call 3 failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(first.Build.Manifest.Collection, await _index.Client.ResolveAliasAsync(_index.Options.Alias, Ct));
        Assert.Equal([first.Build.Manifest.Collection], await _index.VersionsAsync(Ct));
    }

    [Fact]
    public async Task DeleteOrphansRemovesCollectionsNeitherServedNorKeptForRollback()
    {
        var first = await _index.RefreshAsync(TestArticles.All, new RecordingEmbeddingGenerator(), Ct);
        var second = await _index.RefreshAsync([TestArticles.Delegations, ChangedOutcome], new RecordingEmbeddingGenerator(), Ct);
        var crashed = _index.Options.CollectionPrefix + "_v20990101000000000";
        await _index.Client.CreateCollectionAsync(crashed, 128, metadata: null, Ct);

        var deleted = await _index.Writer.DeleteOrphansAsync(Ct);

        Assert.Equal([crashed], deleted);
        Assert.Equal([first.Build.Manifest.Collection, second.Build.Manifest.Collection], await _index.VersionsAsync(Ct));
    }

    [Fact]
    public async Task SearchesDuringARefreshAreAnsweredFromTheOldOrTheNewCompleteIndex()
    {
        await _index.RefreshAsync(TestArticles.All, new RecordingEmbeddingGenerator(), Ct);
        var search = new QdrantPassageSearch(_index.Client, new Core.Embeddings.HashingEmbeddingGenerator(dimensions: 128),
            Microsoft.Extensions.Options.Options.Create(_index.Options), Microsoft.Extensions.Logging.Abstractions.NullLogger<QdrantPassageSearch>.Instance);
        string[] oldSet = [.. TestArticles.All.Select(a => a.Article.Id)];
        IReadOnlyList<ArticlePassages> next = [TestArticles.Delegations, ChangedOutcome, TestArticles.Long("005_long", 300)];
        string[] newSet = [.. next.Select(a => a.Article.Id)];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var answers = new System.Collections.Concurrent.ConcurrentQueue<string[]>();
        var asking = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var found = await search.SearchAsync("Who led the American delegation in Riyadh?", 8, Ct);
                answers.Enqueue([.. found.Select(f => f.Article.Id).Distinct()]);
            }
        }, Ct);

        await _index.RefreshAsync(next, new RecordingEmbeddingGenerator(delayPerCall: TimeSpan.FromMilliseconds(100)), Ct);
        var afterSwap = answers.Count;
        while (answers.Count < afterSwap + 3)
            await Task.Delay(20, Ct);
        await stop.CancelAsync();
        await asking;

        Assert.True(answers.Count > 10, $"only {answers.Count} searches ran");
        Assert.All(answers, ids => Assert.True(ids.Length > 0 && (ids.All(oldSet.Contains) || ids.All(newSet.Contains)), string.Join(",", ids)));
        Assert.Contains(answers, ids => ids.Contains("003_markets"));
        Assert.Contains(answers, ids => ids.Contains("005_long"));
    }

    public void Dispose() => _index.Dispose();
}
