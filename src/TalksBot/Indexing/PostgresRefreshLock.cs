using Npgsql;
using TalksBot.Analytics;

namespace TalksBot.Indexing;

/// <summary>
/// The refresh lock shared by every process on one PostgreSQL database (Analytics:Provider postgres): a session-level
/// advisory lock taken with pg_try_advisory_lock on a connection of its own, held for the whole refresh. The server
/// drops it when that session ends, so a process that dies (or loses its connection) never leaves a stale lock behind.
/// </summary>
internal sealed class PostgresRefreshLock(NpgsqlDataSource dataSource) : IRefreshLock
{
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var connection = await PostgresAnalyticsStore.OpenConnectionAsync(dataSource, cancellationToken);
        IAsyncDisposable? held = null;
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryLockKeys.Refresh);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
                held = new Held(connection);
            return held;
        }
        finally
        {
            // Refused or failed: the connection goes back to the pool now; held, it goes when the lock is released.
            if (held is null)
                await connection.DisposeAsync();
        }
    }

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        // Unlocked explicitly because the connection goes back to the pool, where the session (and the lock with it)
        // would otherwise live on; if the unlock fails, the connection is broken and its session ends with it.
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", AdvisoryLockKeys.Refresh);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
