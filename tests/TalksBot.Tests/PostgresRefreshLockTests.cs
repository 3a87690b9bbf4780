using Npgsql;
using TalksBot.Indexing;
using TalksBot.Testing.Postgres;

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
}
