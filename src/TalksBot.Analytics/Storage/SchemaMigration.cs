namespace TalksBot.Analytics.Storage;

/// <summary>One step of the schema; <paramref name="Version"/> is what <c>PRAGMA user_version</c> reads after it.</summary>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
