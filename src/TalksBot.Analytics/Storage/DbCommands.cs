using System.Data.Common;

namespace TalksBot.Analytics.Storage;

/// <summary>
/// Builds parameterised commands for either provider; every value reaches the database as a parameter, never as SQL
/// text. Parameters are written <c>@name</c>, which SQLite and Npgsql both accept.
/// </summary>
internal static class DbCommands
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>A COUNT or other integer column: SQLite returns 64-bit integers, PostgreSQL's COUNT is bigint too.</summary>
    public static int GetCount(this DbDataReader reader, int ordinal) => checked((int)reader.GetInt64(ordinal));
}
