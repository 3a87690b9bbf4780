namespace TalksBot.Indexing;

/// <summary>Another refresh, rollback or initial build holds the refresh lock; <see cref="Running"/> says who and how far.</summary>
internal sealed class RefreshAlreadyRunningException(RefreshStatus? running)
    : Exception("A refresh is already running" + (running is { Finished: false } ? ": " + running.Describe() : "."))
{
    public RefreshStatus? Running { get; } = running;
}
