using TalksBot.Discord.Gateway;
using TalksBot.Discord.Rest;
using TalksBot.Discord.Tests.Fakes;

namespace TalksBot.Discord.Tests.Sharding;

public sealed class IdentifyGateTests
{
    private static SessionStartLimit Budget(int remaining = 900, long resetAfterMs = 3_600_000, int maxConcurrency = 1) =>
        new(1000, remaining, resetAfterMs, maxConcurrency);

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(5, 1, 0)]
    [InlineData(5, 4, 1)]
    [InlineData(16, 16, 0)]
    [InlineData(17, 16, 1)]
    public void AShardsRateLimitKeyIsItsIdModuloMaxConcurrency(int shardId, int maxConcurrency, int key) =>
        Assert.Equal(key, IdentifyGate.RateLimitKey(shardId, maxConcurrency));

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 1, 5)]
    [InlineData(3, 1, 15)]
    [InlineData(3, 4, 0)]
    [InlineData(5, 4, 5)]
    [InlineData(9, 4, 10)]
    public void TheFirstIdentifyWaitsItsTurnInItsBucketFiveSecondsPerShardAhead(int shardId, int maxConcurrency, int seconds)
    {
        var wait = new IdentifyGate(new ManualTimeProvider()).WaitBefore(shardId, Budget(maxConcurrency: maxConcurrency));

        Assert.Equal(TimeSpan.FromSeconds(seconds), wait.Delay);
        Assert.Equal(IdentifyWaitReason.StartUpTurn, wait.Reason);
    }

    [Fact]
    public void ASecondIdentifyInTheSameBucketWaitsUntilFiveSecondsAfterTheFirst()
    {
        var time = new ManualTimeProvider();
        var gate = new IdentifyGate(time);
        gate.Identified(shardId: 1, time.GetUtcNow());

        time.Advance(TimeSpan.FromSeconds(2));
        var wait = gate.WaitBefore(1, Budget());

        Assert.Equal(TimeSpan.FromSeconds(3), wait.Delay);
        Assert.Equal(IdentifyWaitReason.BucketWindow, wait.Reason);
    }

    [Fact]
    public void AnIdentifyFiveSecondsAfterTheLastGoesAtOnce()
    {
        var time = new ManualTimeProvider();
        var gate = new IdentifyGate(time);
        gate.Identified(1, time.GetUtcNow());

        time.Advance(IdentifyGate.Window);

        Assert.Equal(TimeSpan.Zero, gate.WaitBefore(1, Budget()).Delay);
    }

    [Fact]
    public void AnIdentifyInAnotherBucketDoesNotWait()
    {
        var time = new ManualTimeProvider();
        var gate = new IdentifyGate(time);
        gate.Identified(shardId: 0, time.GetUtcNow());

        Assert.Equal(TimeSpan.Zero, gate.WaitBefore(1, Budget(maxConcurrency: 2)).Delay);
    }

    [Fact]
    public void AChangedMaxConcurrencyStillCountsTheLastIdentifyAgainstTheShardsBucket()
    {
        // Shard 5 identified in bucket 1 of 4; Discord now says 16, which puts it in bucket 5: still its own identify 2 s ago.
        var time = new ManualTimeProvider();
        var gate = new IdentifyGate(time);
        gate.Identified(shardId: 5, time.GetUtcNow());

        time.Advance(TimeSpan.FromSeconds(2));
        var wait = gate.WaitBefore(5, Budget(maxConcurrency: 16));

        Assert.Equal(TimeSpan.FromSeconds(3), wait.Delay);
        Assert.Equal(IdentifyWaitReason.BucketWindow, wait.Reason);
    }

    [Fact]
    public void TheStartUpTurnIsTakenOncePerProcessEvenWhenTheConnectFailsBeforeIdentifying()
    {
        var gate = new IdentifyGate(new ManualTimeProvider());
        gate.WaitBefore(3, Budget());

        var retry = gate.WaitBefore(3, Budget());

        Assert.Equal(TimeSpan.Zero, retry.Delay);
        Assert.Equal(IdentifyWaitReason.BucketWindow, retry.Reason);
    }

    [Fact]
    public void ASpentBudgetDoesNotTakeTheStartUpTurn()
    {
        var gate = new IdentifyGate(new ManualTimeProvider());
        gate.WaitBefore(3, Budget(remaining: 0));

        var wait = gate.WaitBefore(3, Budget());

        Assert.Equal(TimeSpan.FromSeconds(15), wait.Delay);
        Assert.Equal(IdentifyWaitReason.StartUpTurn, wait.Reason);
    }

    [Fact]
    public void ASpentSessionBudgetWaitsUntilDiscordResetsIt()
    {
        var wait = new IdentifyGate(new ManualTimeProvider()).WaitBefore(0, Budget(remaining: 0, resetAfterMs: 90_000));

        Assert.Equal(TimeSpan.FromSeconds(90), wait.Delay);
        Assert.Equal(IdentifyWaitReason.SessionBudgetSpent, wait.Reason);
    }

    [Fact]
    public void ASpentBudgetThatResetsNowStillWaitsAWindowSoTheBotNeverSpins()
    {
        var wait = new IdentifyGate(new ManualTimeProvider()).WaitBefore(0, Budget(remaining: 0, resetAfterMs: 0));

        Assert.Equal(IdentifyGate.Window, wait.Delay);
        Assert.Equal(IdentifyWaitReason.SessionBudgetSpent, wait.Reason);
    }

    [Fact]
    public void OneSessionLeftIsEnoughToIdentify() =>
        Assert.NotEqual(IdentifyWaitReason.SessionBudgetSpent, new IdentifyGate(new ManualTimeProvider()).WaitBefore(0, Budget(remaining: 1)).Reason);
}
