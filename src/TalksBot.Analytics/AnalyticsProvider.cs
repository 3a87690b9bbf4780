namespace TalksBot.Analytics;

/// <summary>Where questions, feedback and the audit log live (<c>Analytics:Provider</c>).</summary>
public enum AnalyticsProvider
{
    /// <summary>One SQLite file next to the bot: embedded, nothing to install; shared by the processes of one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, for several processes (or machines) writing to one log.</summary>
    Postgres,
}
