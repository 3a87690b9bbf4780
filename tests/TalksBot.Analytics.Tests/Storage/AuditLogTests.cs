using TalksBot.Core.Analytics;

namespace TalksBot.Analytics.Tests.Storage;

public sealed class AuditLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EntriesAreListedNewestFirstWithEveryField()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore();
        var older = new AuditEntry(Questions.Start, "discord:42", "add", "https://example.org/a", "ok: 1 article, 9 passages");
        var newer = new AuditEntry(Questions.Start.AddMinutes(5), "local:alice", "rollback", "talks-v3", "failed: no previous collection");
        await store.RecordAsync(older, Ct);
        await store.RecordAsync(newer, Ct);

        var entries = await store.ListAsync(10, Ct);

        Assert.Equal([newer, older], entries);
    }

    [Fact]
    public async Task ListingReturnsAtMostTheLimit()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore();
        for (var i = 0; i < 5; i++)
        {
            await store.RecordAsync(new AuditEntry(Questions.Start.AddMinutes(i), "local:bob", "refresh", "all", "ok"), Ct);
        }

        var entries = await store.ListAsync(2, Ct);

        Assert.Equal([Questions.Start.AddMinutes(4), Questions.Start.AddMinutes(3)], entries.Select(e => e.At));
    }

    [Fact]
    public async Task AuditEntriesAreKeptWhenQuestionLoggingIsDisabled()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore(enabled: false);

        await store.RecordAsync(new AuditEntry(Questions.Start, "local:bob", "remove", "a.md", "ok"), Ct);

        Assert.Single(await store.ListAsync(10, Ct));
    }
}
