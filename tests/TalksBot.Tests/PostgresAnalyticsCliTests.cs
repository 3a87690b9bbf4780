using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TalksBot.Analytics;
using TalksBot.Core.Analytics;
using TalksBot.Core.Answering;
using TalksBot.Testing.Postgres;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

/// <summary>The CLI with Analytics:Provider=postgres against the real throw-away PostgreSQL server, as separate processes.</summary>
public sealed class PostgresAnalyticsCliTests(QdrantFixture qdrant, PostgresFixture postgres)
{
    private static readonly string[] Asked =
    [
        "Who led the Russian delegation?", "Who led the U.S. delegation?", "Where were the talks held?",
        "When did the talks take place?", "What did the two sides agree on?",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoChatProcessesAtOnceRecordEveryQuestionInOneDatabase()
    {
        var database = await postgres.CreateDatabaseAsync("cli");
        var first = OnPostgres(new CliRun(qdrant), database);
        var refresh = await first.RunAsync("refresh");
        Assert.True(refresh.ExitCode == 0, refresh.ToString());
        // A second process on its own state folder (its own lock file, were the lock a file) but the same index and database.
        var second = OnPostgres(new CliRun(qdrant), database).With("Qdrant__Alias", first.Alias).With("Qdrant__CollectionPrefix", first.CollectionPrefix);

        var runs = await Task.WhenAll(
            first.WithInput(Lines("first")).RunAsync("chat"),
            second.WithInput(Lines("second")).RunAsync("chat"));

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.ToString()));
        var perProcess = await QueryAsync(database, "SELECT split_part(question, '#', 2), COUNT(*) FROM questions GROUP BY 1 ORDER BY 1");
        Assert.Equal([("first", 20L), ("second", 20L)], perProcess.Select(r => ((string)r[0], (long)r[1])));
        var stats = await first.RunAsync("stats");
        Assert.True(stats.ExitCode == 0, stats.ToString());
        Assert.Matches(@"Questions asked\s*│\s*40\s", stats.StandardOutput);
    }

    [Fact]
    public async Task RefreshWhileAnotherProcessHoldsTheAdvisoryLockSaysAlreadyRunningAndRunsOnceItIsFreed()
    {
        var database = await postgres.CreateDatabaseAsync("cli");
        var run = OnPostgres(new CliRun(qdrant), database);
        var refused = await RefreshWhileLockedAsync(run, database);

        var refreshed = await run.RunAsync("refresh");

        Assert.True(refused.ExitCode == 5, refused.ToString());
        Assert.Contains("already running", refused.StandardError, StringComparison.Ordinal);
        Assert.True(refreshed.ExitCode == 0, refreshed.ToString());
        var outcomes = (await QueryAsync(database, "SELECT outcome FROM audit WHERE action = 'refresh' ORDER BY id")).Select(r => (string)r[0]).ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.StartsWith("failed: A refresh is already running", outcomes[0], StringComparison.Ordinal);
        Assert.StartsWith("ok:", outcomes[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatsPrintsTheSameReportFromSqliteAndFromPostgresForTheSameQuestions()
    {
        var database = await postgres.CreateDatabaseAsync("cli");
        var onSqlite = new CliRun(qdrant);
        var onPostgres = OnPostgres(new CliRun(qdrant), database);
        var sqliteOptions = new AnalyticsOptions { DatabasePath = Path.Combine(onSqlite.StateDirectory, "analytics.db") };
        await using (var sqlite = new SqliteAnalyticsStore(Options.Create(sqliteOptions), TimeProvider.System, NullLogger<SqliteAnalyticsStore>.Instance))
            await RecordHistoryAsync(sqlite);
        await using (var dataSource = NpgsqlDataSource.Create(database))
        await using (var store = new PostgresAnalyticsStore(dataSource,
            Options.Create(new AnalyticsOptions { Provider = AnalyticsProvider.Postgres, ConnectionString = database }),
            TimeProvider.System, NullLogger<PostgresAnalyticsStore>.Instance))
            await RecordHistoryAsync(store);

        var fromSqlite = await onSqlite.RunAsync("stats", "--top", "3");
        var fromPostgres = await onPostgres.RunAsync("stats", "--top", "3");

        Assert.True(fromSqlite.ExitCode == 0, fromSqlite.ToString());
        Assert.True(fromPostgres.ExitCode == 0, fromPostgres.ToString());
        Assert.Matches(@"Questions asked\s*│\s*6\s", fromSqlite.StandardOutput);
        Assert.Equal(fromSqlite.StandardOutput, fromPostgres.StandardOutput);
    }

    private static CliRun OnPostgres(CliRun run, string connectionString) =>
        run.With("Analytics__Provider", "postgres").With("Analytics__ConnectionString", connectionString);

    // Twenty questions, each tagged with the process asking it so the rows can be told apart.
    private static string Lines(string who) => string.Concat(Enumerable.Range(0, 20).Select(i => $"{Asked[i % Asked.Length]} #{who}#{i}\n"));

    // The test's own session holds the lock, exactly as another process's refresh would, for the whole of one refresh run.
    // Unpooled, so closing the connection ends the session, and the server drops the lock as when a process dies.
    private static async Task<CliResult> RefreshWhileLockedAsync(CliRun run, string database)
    {
        await using var holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await holder.OpenAsync(Ct);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", holder))
        {
            take.Parameters.AddWithValue("key", AdvisoryLockKeys.Refresh);
            await take.ExecuteNonQueryAsync(Ct);
        }

        return await run.RunAsync("refresh");
    }

    // Six questions over two articles: answered and abstained, cited twice in one answer, voted up, down and changed.
    private static async Task RecordHistoryAsync(AnalyticsStore store)
    {
        var start = new DateTimeOffset(2025, 2, 18, 9, 0, 0, TimeSpan.Zero);
        Citation Cite(int number, string article) =>
            new(number, article, "Title of " + article, "https://example.org/" + article, start, Guid.Empty, "A quoted sentence.", 0, 18);
        QuestionLogEntry Entry(int n, bool abstained, params Citation[] citations) =>
            new(new Guid(n, 0, 0, new byte[8]), start.AddMinutes(n), AskChannel.Command, "discord:" + n, $"Question number {n} about the talks?",
                new Answer(abstained ? "The articles don't say." : "An answer [1].", abstained, citations, "extractive"), TimeSpan.FromMilliseconds(100 * n));
        QuestionLogEntry[] entries =
        [
            Entry(1, false, Cite(1, "riyadh-talks")), Entry(2, false, Cite(1, "Geneva"), Cite(2, "Geneva")),
            Entry(3, true), Entry(4, false, Cite(1, "riyadh-talks"), Cite(2, "Geneva")), Entry(5, true), Entry(6, false, Cite(1, "geneva-2")),
        ];
        foreach (var entry in entries)
            await store.RecordQuestionAsync(entry, Ct);
        await store.RecordFeedbackAsync(entries[0].Id, "u1", FeedbackVote.Up, Ct);
        await store.RecordFeedbackAsync(entries[1].Id, "u1", FeedbackVote.Down, Ct);
        await store.RecordFeedbackAsync(entries[1].Id, "u2", FeedbackVote.Down, Ct);
        await store.RecordFeedbackAsync(entries[1].Id, "u1", FeedbackVote.Up, Ct);
    }

    private static async Task<List<object[]>> QueryAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<object[]>();
        while (await reader.ReadAsync(Ct))
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
