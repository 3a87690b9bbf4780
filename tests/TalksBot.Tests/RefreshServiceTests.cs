using TalksBot.Core.Analytics;
using TalksBot.Indexing;
using TalksBot.Qdrant.Index;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class RefreshServiceTests(QdrantFixture qdrant)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecondRefreshInTheSameProcessIsRefusedWithTheRunningOnesProgress()
    {
        await using var app = await InProcessApp.StartAsync(qdrant);
        var index = app.Get<ArticleIndexService>();
        RefreshAlreadyRunningException? refused = null;
        var progress = new SynchronousProgress<RefreshStatus>(s =>
        {
            if (refused is null && s.Phase == "indexing")
                refused = Assert.Throws<RefreshAlreadyRunningException>(() => index.RefreshAsync("discord:2", null, Ct).GetAwaiter().GetResult());
        });

        var summary = await index.RefreshAsync("discord:1", progress, Ct);

        Assert.True(summary.Rebuilt);
        Assert.NotNull(refused);
        Assert.Equal("discord:1", refused.Running?.Actor);
        Assert.Equal("indexing", refused.Running?.Phase);
    }

    [Fact]
    public async Task AddRefreshAndRollbackAreRecordedInTheAuditLogWithWhoAndTheOutcome()
    {
        await using var app = await InProcessApp.StartAsync(qdrant);
        await app.Get<ArticleIndexService>().RefreshAsync(Actors.Discord(7), null, Ct);
        var file = Path.Combine(app.StateDirectory, "accord.txt");
        await File.WriteAllTextAsync(file, "Zorblat accord signed\n\nThe Zorblat accord on river pilots was signed in Geneva by envoy Quentin Marsh.\n", Ct);

        var added = await app.Get<ArticleSetService>().AddAsync(file, Actors.Discord(7), refresh: true, Ct);
        await app.Get<ArticleIndexService>().RollbackAsync(Actors.Discord(7), Ct);

        var audit = await app.Get<IAuditLog>().ListAsync(10, Ct);
        Assert.All(audit, e => Assert.Equal("discord:7", e.Actor));
        Assert.Equal(["rollback", "refresh", "add", "refresh"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.StartsWith("ok:", e.Outcome, StringComparison.Ordinal));
        Assert.Equal(added.Id, audit[2].Target);
        Assert.Contains("1 added", audit[1].Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedRefreshKeepsServingTheOldIndexLeavesNoCollectionBehindAndSaysWhy()
    {
        var embedder = new SwitchableEmbeddingGenerator();
        await using var app = await InProcessApp.StartAsync(qdrant, embedder: embedder);
        var index = app.Get<ArticleIndexService>();
        var served = (await index.RefreshAsync(Actors.Local, null, Ct)).Collection;
        await RefreshCommandTests.WriteAccordArticleAsync(app.ArticlesFolder);
        embedder.Fail = true;

        await Assert.ThrowsAsync<HttpRequestException>(() => index.RefreshAsync(Actors.Local, null, Ct));

        var client = app.Get<TalksBot.Qdrant.Store.QdrantIndexClient>();
        Assert.Equal(served, await client.ResolveAliasAsync(app.Alias, Ct));
        Assert.Equal([served], (await client.ListCollectionsAsync(Ct)).Where(c => c.StartsWith(app.CollectionPrefix + "_v", StringComparison.Ordinal)));
        Assert.Equal("failed: the embedding service answered 503", index.GetStatus()?.Outcome);
        Assert.Equal("failed: the embedding service answered 503", (await app.Get<IAuditLog>().ListAsync(1, Ct))[0].Outcome);
    }

    [Fact]
    public async Task TheRunningBotRefreshesWhenAnArticleFileIsAdded()
    {
        await using var app = await InProcessApp.StartAsync(qdrant, hosted: true, settings: "Refresh:Debounce=00:00:00.2");
        var writer = app.Get<PassageIndexWriter>();
        await WaitUntilAsync(async () => await writer.GetServingManifestAsync(Ct) is not null);

        await RefreshCommandTests.WriteAccordArticleAsync(app.ArticlesFolder);

        await WaitUntilAsync(async () => (await writer.GetServingManifestAsync(Ct))!.Articles.Any(a => a.Id == "004_zorblat_accord"));
        // The audit entry is written once the refresh has ended, a moment after the alias swap made 004 visible.
        // Refusals are audited too, so wait for the watcher's own entry, then check it is a successful refresh.
        await WaitUntilAsync(async () => (await app.Get<IAuditLog>().ListAsync(10, Ct)).Any(e => e.Actor == Actors.Watcher && e.Action == "refresh"));
        var entry = (await app.Get<IAuditLog>().ListAsync(10, Ct)).Last(e => e.Actor == Actors.Watcher);
        Assert.StartsWith("ok:", entry.Outcome, StringComparison.Ordinal);
        Assert.Contains("1 added", entry.Outcome, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await condition())
            await Task.Delay(100, timeout.Token);
    }
}
