namespace TalksBot.Analytics.Storage;

/// <summary>
/// One step of the schema; <paramref name="Version"/> is what the database records after it (<c>PRAGMA user_version</c>
/// in SQLite, the <c>schema_version</c> table in PostgreSQL). <paramref name="Sql"/> runs on both providers unless
/// <paramref name="PostgresSql"/> is given, which only a step whose SQL truly differs does.
/// </summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql, string? PostgresSql = null)
{
    public string SqlFor(AnalyticsProvider provider) => provider == AnalyticsProvider.Postgres ? PostgresSql ?? Sql : Sql;
}
