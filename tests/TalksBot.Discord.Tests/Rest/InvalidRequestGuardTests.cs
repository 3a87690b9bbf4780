using TalksBot.Discord.Rest;
using TalksBot.Discord.Tests.Fakes;

namespace TalksBot.Discord.Tests.Rest;

public sealed class InvalidRequestGuardTests
{
    [Fact]
    public void RequestsGoOutFreelyBelowTheBudget()
    {
        var guard = new InvalidRequestGuard(3, new ManualTimeProvider());
        guard.Record();
        guard.Record();

        Assert.Equal(TimeSpan.Zero, guard.DelayBeforeNext());
    }

    [Fact]
    public void ASpentBudgetPausesUntilTheOldestFallsOutOfTenMinutes()
    {
        var time = new ManualTimeProvider();
        var guard = new InvalidRequestGuard(2, time);
        guard.Record();
        time.Advance(TimeSpan.FromMinutes(4));
        guard.Record();

        Assert.Equal(TimeSpan.FromMinutes(6), guard.DelayBeforeNext());
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(TimeSpan.Zero, guard.DelayBeforeNext());
    }
}
