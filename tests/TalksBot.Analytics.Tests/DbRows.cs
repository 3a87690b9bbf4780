using System.Data.Common;

namespace TalksBot.Analytics.Tests;

/// <summary>Reads a query's rows as plain values (null for SQL NULL), for tests that look at a database directly.</summary>
internal static class DbRows
{
    public static async Task<IReadOnlyList<object?[]>> ReadAllAsync(DbCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
