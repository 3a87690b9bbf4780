using Microsoft.Data.Sqlite;
using TalksBot.Analytics.Storage;

namespace TalksBot.Analytics.Tests.Storage;

public sealed class SchemaMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpeningAnEmptyFileMigratesItToTheLatestVersion()
    {
        using var db = new TempDatabase();
        await using (var raw = db.OpenRaw())
        {
            await raw.OpenAsync(Ct);
        }

        await using (var store = db.OpenStore())
        {
            await store.OpenAsync(Ct);
        }

        Assert.Equal((long)SchemaMigrations.Latest, Assert.Single(await db.QueryAsync("PRAGMA user_version"))[0]);
        var tables = (await db.QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).Select(r => r[0]);
        Assert.Superset(new HashSet<object?> { "audit", "citations", "feedback", "meta", "questions" }, tables.ToHashSet());
    }

    [Fact]
    public async Task OpeningAVersion1DatabaseMigratesItAndKeepsItsQuestions()
    {
        using var db = new TempDatabase();
        await using (var raw = db.OpenRaw())
        {
            await raw.OpenAsync(Ct);
            await SchemaMigrations.ApplyAsync(raw, [SchemaMigrations.All[0]], db.Path, Ct);
            using var insert = raw.CreateCommand();
            insert.CommandText = """
                INSERT INTO questions (id, asked_at, channel, user_hash, question, answer, abstained, answerer, latency_ms)
                VALUES ('00000000-0000-0000-0000-000000000001', 1740000000000, 'Console', NULL, 'Old question', 'Old answer', 1, 'extractive', 250)
                """;
            await insert.ExecuteNonQueryAsync(Ct);
        }

        await using var store = db.OpenStore();
        var report = await store.GetReportAsync(null, 5, Ct);
        await store.RecordAsync(new(DateTimeOffset.UnixEpoch, "local:alice", "add", "a.md", "ok"), Ct);

        Assert.Equal((1, "Old question"), (report.Asked, Assert.Single(report.Gaps).Question));
        Assert.Single(await store.ListAsync(10, Ct));
    }

    [Fact]
    public async Task ApplyingTheMigrationsAgainChangesNothing()
    {
        using var db = new TempDatabase();
        await using var raw = db.OpenRaw();
        await raw.OpenAsync(Ct);
        await SchemaMigrations.ApplyAsync(raw, SchemaMigrations.All, db.Path, Ct);

        var found = await SchemaMigrations.ApplyAsync(raw, SchemaMigrations.All, db.Path, Ct);

        Assert.Equal(SchemaMigrations.Latest, found);
    }

    [Fact]
    public async Task FailingMigrationLeavesTheDatabaseAsItWas()
    {
        using var db = new TempDatabase();
        await using var raw = db.OpenRaw();
        await raw.OpenAsync(Ct);
        SchemaMigration[] broken = [SchemaMigrations.All[0], new(2, "broken", "CREATE TABLE extra (a); INSERT INTO missing VALUES (1);")];

        await Assert.ThrowsAsync<SqliteException>(() => SchemaMigrations.ApplyAsync(raw, broken, db.Path, Ct));

        Assert.Equal(0L, Assert.Single(await db.QueryAsync("PRAGMA user_version"))[0]);
        Assert.Empty(await db.QueryAsync("SELECT name FROM sqlite_master WHERE type = 'table'"));
    }

    [Fact]
    public async Task ReopeningAMigratedDatabaseKeepsItsDataAndVersion()
    {
        using var db = new TempDatabase();
        for (var i = 0; i < 2; i++)
        {
            await using var store = db.OpenStore();
            await store.RecordQuestionAsync(Questions.Abstained("Question " + i), Ct);
        }

        Assert.Equal((long)SchemaMigrations.Latest, Assert.Single(await db.QueryAsync("PRAGMA user_version"))[0]);
        Assert.Equal(2, (await db.QueryAsync("SELECT id FROM questions")).Count);
    }

    [Fact]
    public async Task DatabaseWrittenByANewerVersionIsRefusedWithAClearError()
    {
        using var db = new TempDatabase();
        await using (var raw = db.OpenRaw())
        {
            await raw.OpenAsync(Ct);
            using var stamp = raw.CreateCommand();
            stamp.CommandText = "PRAGMA user_version = 99";
            await stamp.ExecuteNonQueryAsync(Ct);
        }

        await using var store = db.OpenStore();
        var error = await Assert.ThrowsAsync<AnalyticsStoreException>(() => store.OpenAsync(Ct));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains("Analytics:DatabasePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MigrationVersionsCountUpFromOneWithoutGaps()
    {
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.All.Count), SchemaMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public async Task FileThatIsNotADatabaseIsReportedNamingThePath()
    {
        using var db = new TempDatabase();
        Directory.CreateDirectory(Path.GetDirectoryName(db.Path)!);
        await File.WriteAllTextAsync(db.Path, new string('x', 4096), Ct);

        await using var store = db.OpenStore();
        var error = await Assert.ThrowsAsync<AnalyticsStoreException>(() => store.OpenAsync(Ct));

        Assert.Contains(db.Path, error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
    }
}
