namespace TalksBot.Discord.Tests.Bot;

// Alone, not beside the other test classes: its 1 s bound is about the bot, not about sharing two cores with the suite.
[Collection(nameof(LoadTests))]
[CollectionDefinition(nameof(LoadTests), DisableParallelization = true)]
public sealed class LoadTests
{
    [Fact]
    public async Task TwoHundredConcurrentQuestionsAreEachAcknowledgedInTimeAndAnsweredOrToldBusyOnce()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();
        var burst = new QuestionBurst(bot, gateway);

        await burst.SendAsync(200);
        var outcomes = await burst.WaitForOutcomesAsync(TimeSpan.FromSeconds(60));

        QuestionBurst.AssertEachRespondedOnce(outcomes);
        // Discord gives an interaction 3 s for its first response. A mention has no acknowledgement: its reply shares the
        // channel's message bucket and the global 50 requests/s, so it is only required to come, once.
        var slowest = outcomes.Where(o => o.Question.IsInteraction).Max(o => o.AcknowledgedAfter);
        TestContext.Current.TestOutputHelper?.WriteLine($"slowest of 100 interaction acknowledgements: {slowest.TotalMilliseconds:F0} ms; "
            + $"{outcomes.Count(o => o.Busy)} of 200 told busy");
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"slowest acknowledgement took {slowest}");
        Assert.Single(bot.Discord.Connections);
    }
}
