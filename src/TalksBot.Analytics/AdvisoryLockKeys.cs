namespace TalksBot.Analytics;

/// <summary>
/// PostgreSQL advisory lock keys: one 64-bit number per lock, shared by every TalksBot process on the database. The
/// values are arbitrary but fixed ("TalksBot" in ASCII, then a lock number), so they never change between releases.
/// </summary>
public static class AdvisoryLockKeys
{
    /// <summary>Held while the schema migrations run, so processes starting at once migrate once.</summary>
    public const long Migrations = 0x54616C6B73420001;

    /// <summary>Held for the whole of a refresh, rollback or initial build of the article index, by any process.</summary>
    public const long Refresh = 0x54616C6B73420002;
}
