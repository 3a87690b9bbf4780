using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TalksBot.Testing.Postgres;

namespace TalksBot.Analytics.Tests;

/// <summary>
/// A database of its own on the shared throw-away PostgreSQL server. Each store it opens has its own connection pool,
/// as a separate process would.
/// </summary>
internal sealed class TempPostgresDatabase : IAsyncDisposable
{
    private readonly List<NpgsqlDataSource> _dataSources = [];

    private TempPostgresDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<TempPostgresDatabase> CreateAsync(PostgresFixture server) => new(await server.CreateDatabaseAsync("analytics"));

    public PostgresAnalyticsStore OpenStore(TimeProvider? time = null)
    {
        var dataSource = NpgsqlDataSource.Create(ConnectionString);
        _dataSources.Add(dataSource);
        return new PostgresAnalyticsStore(
            dataSource,
            Options.Create(new AnalyticsOptions { Provider = AnalyticsProvider.Postgres, ConnectionString = ConnectionString }),
            time ?? TimeProvider.System,
            NullLogger<PostgresAnalyticsStore>.Instance);
    }

    /// <summary>Reads the database directly, as another tool would, bypassing the store.</summary>
    public async Task<IReadOnlyList<object?[]>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await DbRows.ReadAllAsync(command);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var dataSource in _dataSources)
        {
            await dataSource.DisposeAsync();
        }
    }
}
