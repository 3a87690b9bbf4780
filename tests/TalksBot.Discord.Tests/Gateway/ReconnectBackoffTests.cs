using TalksBot.Discord.Gateway;

namespace TalksBot.Discord.Tests.Gateway;

public sealed class ReconnectBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(60);

    [Fact]
    public void TheDelayDoublesWithEachFailure()
    {
        var backoff = new ReconnectBackoff(Base, Cap, () => 1.0);

        Assert.Equal([2, 4, 8, 16], Enumerable.Range(1, 4).Select(f => backoff.For(f).TotalSeconds));
    }

    [Fact]
    public void TheDelayNeverExceedsTheCapHoweverLongTheOutage()
    {
        var backoff = new ReconnectBackoff(Base, Cap, () => 1.0);

        Assert.Equal(Cap, backoff.For(10_000));
    }

    [Fact]
    public void JitterSpreadsTheDelayOverTheUpperHalf()
    {
        var low = new ReconnectBackoff(Base, Cap, () => 0.0).For(3);
        var high = new ReconnectBackoff(Base, Cap, () => 1.0).For(3);

        Assert.Equal(TimeSpan.FromSeconds(4), low);
        Assert.Equal(TimeSpan.FromSeconds(8), high);
    }

    [Fact]
    public void AfterAHealthySessionTheBotReconnectsWithinTheBaseDelay() =>
        Assert.True(new ReconnectBackoff(Base, Cap, () => 0.99).For(0) < Base);
}
