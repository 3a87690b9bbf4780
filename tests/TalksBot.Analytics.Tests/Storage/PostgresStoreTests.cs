using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TalksBot.Analytics.Storage;
using TalksBot.Testing.Postgres;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Analytics.Tests.Storage;

public sealed class PostgresStoreTests(PostgresFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BothProvidersMigrateToTheSameVersionWithTheSameTablesAndColumns()
    {
        await using var postgres = await TempPostgresDatabase.CreateAsync(server);
        using var sqlite = new TempDatabase();
        await using (var store = postgres.OpenStore())
        {
            await store.OpenAsync(Ct);
        }

        await using (var store = sqlite.OpenStore())
        {
            await store.OpenAsync(Ct);
        }

        var postgresVersion = Assert.Single(await postgres.QueryAsync("SELECT version FROM schema_version"))[0];
        var sqliteVersion = Assert.Single(await sqlite.QueryAsync("PRAGMA user_version"))[0];
        var postgresColumns = (await postgres.QueryAsync("""
            SELECT table_name || '.' || column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'schema_version'
            """)).Select(r => (string)r[0]!).Order(StringComparer.Ordinal);
        var sqliteColumns = (await sqlite.QueryAsync("""
            SELECT t.name || '.' || c.name FROM sqlite_master t JOIN pragma_table_info(t.name) c
            WHERE t.type = 'table' AND t.name <> 'sqlite_sequence'
            """)).Select(r => (string)r[0]!).Order(StringComparer.Ordinal);
        Assert.Equal((SchemaMigrations.Latest, (long)SchemaMigrations.Latest), (postgresVersion, sqliteVersion));
        Assert.Equal(sqliteColumns, postgresColumns);
    }

    [Fact]
    public async Task StoresOpeningANewDatabaseAtOnceMigrateItOnceAndShareOneSalt()
    {
        await using var db = await TempPostgresDatabase.CreateAsync(server);
        var stores = Enumerable.Range(0, 4).Select(_ => db.OpenStore()).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.OpenAsync(Ct), Ct)));

        Assert.Equal<object?>([SchemaMigrations.Latest], Assert.Single(await db.QueryAsync("SELECT version FROM schema_version")));
        Assert.Single(await db.QueryAsync("SELECT value FROM meta WHERE key = 'user_id_salt'"));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task TwoStoresOnSeparateConnectionsWriteQuestionsAtTheSameTime()
    {
        // Two stores with pools of their own stand for two bot processes sharing one database.
        await using var db = await TempPostgresDatabase.CreateAsync(server);
        await using var first = db.OpenStore();
        await using var second = db.OpenStore();

        await Task.WhenAll(
            Task.Run(() => SharedFileTests.WriteManyAsync(first, "first"), Ct),
            Task.Run(() => SharedFileTests.WriteManyAsync(second, "second"), Ct));

        await using var reader = db.OpenStore();
        Assert.Equal(200, (await reader.GetReportAsync(null, 5, Ct)).Asked);
        Assert.Equal(200, (await reader.ListAsync(1000, Ct)).Count);
        Assert.Equal<object?>([200L], Assert.Single(await db.QueryAsync("SELECT COUNT(*) FROM citations")));
    }

    [Fact]
    public async Task ADatabaseWrittenByANewerTalksBotIsRefusedNamingTheConnectionStringKey()
    {
        await using var db = await TempPostgresDatabase.CreateAsync(server);
        await using (var store = db.OpenStore())
        {
            await store.OpenAsync(Ct);
        }

        await db.QueryAsync($"UPDATE schema_version SET version = {SchemaMigrations.Latest + 1}");
        await using var newer = db.OpenStore();

        var error = await Assert.ThrowsAsync<AnalyticsStoreException>(() => newer.OpenAsync(Ct));

        Assert.Contains("Analytics:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableServerIsAnAnalyticsErrorNamingTheKeyButNotThePassword()
    {
        var closedPort = LoopbackPorts.Free(1)[0];
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={closedPort};Database=talksbot;Username=bot;Password=s3cret-pw;Timeout=5");
        await using var store = new PostgresAnalyticsStore(dataSource,
            Options.Create(new AnalyticsOptions { Provider = AnalyticsProvider.Postgres, ConnectionString = "unused" }),
            TimeProvider.System, NullLogger<PostgresAnalyticsStore>.Instance);

        var error = await Assert.ThrowsAsync<AnalyticsStoreException>(() => store.OpenAsync(Ct));

        Assert.Contains("Analytics:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{closedPort}/talksbot", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.ToString(), StringComparison.Ordinal);
    }
}
