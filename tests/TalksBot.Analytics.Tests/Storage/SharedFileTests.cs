namespace TalksBot.Analytics.Tests.Storage;

public sealed class SharedFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoStoresOnOneFileCanWriteAtTheSameTime()
    {
        // Two stores stand for a running bot and a CLI: separate connections contending for one file.
        using var db = new TempDatabase();
        await using var bot = db.OpenStore();
        await using var cli = db.OpenStore();

        await Task.WhenAll(
            Task.Run(() => WriteManyAsync(bot, "bot"), Ct),
            Task.Run(() => WriteManyAsync(cli, "cli"), Ct));

        await using var reader = db.OpenStore();
        Assert.Equal(200, (await reader.GetReportAsync(null, 5, Ct)).Asked);
        Assert.Equal(200, (await reader.ListAsync(1000, Ct)).Count);
    }

    [Fact]
    public async Task OpenedDatabaseUsesWriteAheadLoggingSoReadersDoNotBlockTheWriter()
    {
        using var db = new TempDatabase();
        await using (var store = db.OpenStore())
        {
            await store.OpenAsync(Ct);
        }

        Assert.Equal<object?>(["wal"], Assert.Single(await db.QueryAsync("PRAGMA journal_mode")));
    }

    /// <summary>A hundred questions, each with an audit line, as one process of several would write them.</summary>
    internal static async Task WriteManyAsync(AnalyticsStore store, string who)
    {
        for (var i = 0; i < 100; i++)
        {
            await store.RecordQuestionAsync(Questions.Answered($"{who} question {i}", Questions.Cite(1, "a")), Ct);
            await store.RecordAsync(new(Questions.Start, "local:" + who, "refresh", "all", "ok"), Ct);
        }
    }
}
