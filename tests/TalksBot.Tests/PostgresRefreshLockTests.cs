using Npgsql;
using TalksBot.Analytics;
using TalksBot.Indexing;
using TalksBot.Testing.Postgres;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class PostgresRefreshLockTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecondHolderIsRefusedUntilTheFirstReleasesEvenThoughItsConnectionGoesBackToThePool()
    {
        // Two data sources (pools) stand for two processes sharing one database.
        var database = await postgres.CreateDatabaseAsync("lock");
        await using var firstPool = NpgsqlDataSource.Create(database);
        await using var secondPool = NpgsqlDataSource.Create(database);
        var first = new PostgresRefreshLock(firstPool);
        var second = new PostgresRefreshLock(secondPool);

        var held = await first.TryAcquireAsync(Ct);
        var refused = await second.TryAcquireAsync(Ct);
        await held!.DisposeAsync();
        await using var afterRelease = await second.TryAcquireAsync(Ct);

        Assert.Null(refused);
        // The first pool keeps its connection (and session) open after the release: only the explicit unlock frees the lock.
        Assert.NotNull(afterRelease);
    }

    [Fact]
    public async Task AnUnreachableDatabaseIsTheAnalyticsStoresOwnConnectErrorWithoutThePassword()
    {
        var closedPort = LoopbackPorts.Free(1)[0];
        await using var pool = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={closedPort};Database=talksbot;Username=bot;Password=s3cret-pw;Timeout=5");

        var error = await Assert.ThrowsAsync<AnalyticsStoreException>(async () => await new PostgresRefreshLock(pool).TryAcquireAsync(Ct));

        // The same words as the store's, which opens its connections the same way: one message to search for.
        Assert.StartsWith($"Could not connect to the analytics database postgres://127.0.0.1:{closedPort}/talksbot (Analytics:ConnectionString): ",
            error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.ToString(), StringComparison.Ordinal);
    }
}
