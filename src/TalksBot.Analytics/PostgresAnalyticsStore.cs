using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TalksBot.Analytics.Storage;

namespace TalksBot.Analytics;

/// <summary>
/// The analytics in a PostgreSQL database, for several processes (or hosts) writing one log. Each call takes a pooled
/// connection from the shared <see cref="NpgsqlDataSource"/>, so calls run side by side; the first one migrates the
/// schema under an advisory lock and loads the hashing salt.
/// </summary>
public sealed class PostgresAnalyticsStore(
    NpgsqlDataSource dataSource, IOptions<AnalyticsOptions> options, TimeProvider time, ILogger<PostgresAnalyticsStore> logger)
    : AnalyticsStore(options.Value, time, logger)
{
    private readonly SemaphoreSlim initialising = new(1, 1);
    private volatile bool initialised;
    private bool disposed;

    public override string Location { get; } = Describe(dataSource);

    /// <summary>Host, port and database of a connection string, for messages: never its password.</summary>
    public static string Describe(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"postgres://{settings.Host}:{settings.Port}/{settings.Database}";
    }

    /// <summary>
    /// A pooled connection from <paramref name="dataSource"/>, for the store and for the refresh lock that shares its
    /// database. Failing to connect is an <see cref="AnalyticsStoreException"/> naming the database and the key to fix.
    /// </summary>
    public static async Task<NpgsqlConnection> OpenConnectionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException)
        {
            // Npgsql's messages name the host and the failure, never the password.
            throw new AnalyticsStoreException(
                $"Could not connect to the analytics database {Describe(dataSource)} (Analytics:ConnectionString): {e.Message}", e);
        }
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    // The data source belongs to whoever made it (the host's container), as the refresh lock shares it.
    public override void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        initialising.Dispose();
    }

    private protected override async Task<T> RunAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await using var connection = await OpenConnectionAsync(dataSource, cancellationToken);
        if (!initialised)
        {
            await InitialiseOnceAsync(connection, cancellationToken);
        }

        return await work(connection, cancellationToken);
    }

    private protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection db, CancellationToken cancellationToken) =>
        await db.BeginTransactionAsync(cancellationToken);

    private protected override Task<int> MigrateAsync(DbConnection db, CancellationToken cancellationToken) =>
        SchemaMigrations.ApplyAsync((NpgsqlConnection)db, SchemaMigrations.All, Location, cancellationToken);

    private async Task InitialiseOnceAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await initialising.WaitAsync(cancellationToken);
        try
        {
            if (initialised)
            {
                return;
            }

            await StartUpAsync(connection, cancellationToken);
            initialised = true;
        }
        catch (NpgsqlException e)
        {
            // E.g. a role without CREATE on the database: the migrations need it once.
            throw new AnalyticsStoreException(
                $"Could not open the analytics database {Location} (Analytics:ConnectionString): {e.Message}", e);
        }
        finally
        {
            initialising.Release();
        }
    }
}
