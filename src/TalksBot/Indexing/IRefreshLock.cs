namespace TalksBot.Indexing;

/// <summary>
/// Keeps refreshes, rollbacks and initial builds apart across processes: a lock file on one machine, a PostgreSQL
/// advisory lock when several processes share PostgreSQL analytics (<see cref="RefreshLocks.Create"/> picks).
/// </summary>
internal interface IRefreshLock
{
    /// <summary>The lock, held until disposed; null at once (never waiting) when another holder has it.</summary>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken);
}
