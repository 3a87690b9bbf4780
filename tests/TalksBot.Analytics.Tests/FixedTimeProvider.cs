namespace TalksBot.Analytics.Tests;

/// <summary>A clock the test sets, so retention and vote times need no sleeping.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
