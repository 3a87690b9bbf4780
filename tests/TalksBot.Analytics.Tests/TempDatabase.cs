using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TalksBot.Analytics.Tests;

/// <summary>A database file in its own temporary folder, deleted with the folder at the end of the test.</summary>
internal sealed class TempDatabase : IDisposable
{
    private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "talksbot-analytics-" + Guid.NewGuid().ToString("N"));

    public string Path => System.IO.Path.Combine(folder, "nested", "analytics.db");

    public SqliteAnalyticsStore OpenStore(bool hashUserIds = true, int retentionDays = 0, bool enabled = true, TimeProvider? time = null) =>
        new(
            Options.Create(new AnalyticsOptions
            {
                DatabasePath = Path,
                HashUserIds = hashUserIds,
                RetentionDays = retentionDays,
                Enabled = enabled,
            }),
            time ?? TimeProvider.System,
            NullLogger<SqliteAnalyticsStore>.Instance);

    /// <summary>Reads the file directly, as another tool would, bypassing the store.</summary>
    public async Task<IReadOnlyList<object?[]>> QueryAsync(string sql)
    {
        await using var connection = OpenRaw();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await DbRows.ReadAllAsync(command);
    }

    public SqliteConnection OpenRaw()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        return new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
