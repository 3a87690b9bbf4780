using System.Threading.RateLimiting;
using TalksBot.Discord.Limits;
using TalksBot.Discord.Tests.Fakes;

namespace TalksBot.Discord.Tests.Limits;

public sealed class UserQuestionLimiterTests
{
    [Fact]
    public void AUserMayAskUpToTheLimitInAMinute()
    {
        using var limiter = new UserQuestionLimiter(5, new ManualTimeProvider());

        var granted = Enumerable.Range(0, 6).Select(_ => limiter.AttemptAcquire("u1").IsAcquired).ToList();

        Assert.Equal([true, true, true, true, true, false], granted);
    }

    [Fact]
    public void UsersAreLimitedSeparately()
    {
        using var limiter = new UserQuestionLimiter(1, new ManualTimeProvider());
        limiter.AttemptAcquire("u1");

        Assert.True(limiter.AttemptAcquire("u2").IsAcquired);
    }

    [Fact]
    public void AQuestionFallsOutOfTheWindowAfterAMinute()
    {
        var time = new ManualTimeProvider();
        using var limiter = new UserQuestionLimiter(1, time);
        limiter.AttemptAcquire("u1");

        time.Advance(TimeSpan.FromSeconds(59));
        var early = limiter.AttemptAcquire("u1").IsAcquired;
        time.Advance(TimeSpan.FromSeconds(1));
        var later = limiter.AttemptAcquire("u1").IsAcquired;

        Assert.False(early);
        Assert.True(later);
    }

    [Fact]
    public void ARefusalSaysWhenToTryAgain()
    {
        var time = new ManualTimeProvider();
        using var limiter = new UserQuestionLimiter(1, time);
        limiter.AttemptAcquire("u1");
        time.Advance(TimeSpan.FromSeconds(20));

        using var lease = limiter.AttemptAcquire("u1");

        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(40), retryAfter);
        Assert.Contains("about 40 s", RateLimitReply.For(lease, 1), StringComparison.Ordinal);
    }
}
