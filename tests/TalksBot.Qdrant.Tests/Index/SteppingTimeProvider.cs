namespace TalksBot.Qdrant.Tests.Index;

/// <summary>A clock that moves a second forward each time it is read, so consecutive builds get distinct collection names.</summary>
internal sealed class SteppingTimeProvider : TimeProvider
{
    private long _ticks = new DateTimeOffset(2025, 2, 18, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
