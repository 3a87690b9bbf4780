using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Analytics.Storage;

namespace TalksBot.Analytics;

/// <summary>
/// The analytics in one SQLite file, shared safely by a running bot and the CLI on one machine (WAL journal, busy
/// timeout, IMMEDIATE write transactions). Opened and migrated lazily on first use so commands that never log stay
/// fast to start.
/// </summary>
public sealed class SqliteAnalyticsStore(
    IOptions<AnalyticsOptions> options, TimeProvider time, ILogger<SqliteAnalyticsStore> logger)
    : AnalyticsStore(options.Value, time, logger)
{
    // busy_timeout: how long SQLite waits for another process's write lock before failing (our writes take
    // milliseconds). WAL lets readers and one writer proceed together; NORMAL sync is durable enough under WAL.
    private const string OpenPragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL; PRAGMA journal_mode = WAL;";

    // One connection for the store's life, used by one caller at a time.
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;
    private bool disposed;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; } = Path.GetFullPath(options.Value.DatabasePath);

    public override string Location => DatabasePath;

    public override async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        gate.Dispose();
    }

    public override void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        connection?.Dispose();
        gate.Dispose();
    }

    private protected override async Task<T> RunAsync<T>(Func<DbConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        await gate.WaitAsync(cancellationToken);
        try
        {
            connection ??= await OpenConnectionAsync(cancellationToken);
            return await work(connection, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection db, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)db).BeginTransaction(deferred: false));

    private protected override Task<int> MigrateAsync(DbConnection db, CancellationToken cancellationToken) =>
        SchemaMigrations.ApplyAsync((SqliteConnection)db, SchemaMigrations.All, DatabasePath, cancellationToken);

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // The connection lives as long as the store; pooling would only keep the file open after disposal.
            Pooling = false,
        }.ToString());
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            await db.OpenAsync(cancellationToken);
            using (var pragmas = db.Command(OpenPragmas))
            {
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
            }

            await StartUpAsync(db, cancellationToken);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            await db.DisposeAsync();
            throw new AnalyticsStoreException(
                $"Could not open the analytics database {DatabasePath} (Analytics:DatabasePath): {e.Message}", e);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }

        return db;
    }
}
