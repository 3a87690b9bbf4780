using Microsoft.Extensions.Logging;

namespace TalksBot.Discord.Tests.Bot;

public sealed class BurstTests
{
    [Fact]
    public async Task ABurstBeyondTheAnswerQueueGetsOneAnswerOrBusyReplyEachWhileHeartbeatsKeepBeingAcknowledged()
    {
        await using var bot = await BotHarness.StartAsync(
            Fakes.Answers.After(TimeSpan.FromMilliseconds(200), "An answer."),
            // Heartbeats every second (Discord's are 41 s apart), so several fall in the burst; shorter ones were missed
            // under a loaded machine's scheduling alone.
            arrange: d => d.HeartbeatIntervalMs = 1_000,
            settings: new Dictionary<string, string?>
            {
                ["Discord:MaxConcurrentAnswers"] = "2",
                ["Discord:AnswerQueueCapacity"] = "4",
            });
        var gateway = await bot.ReadyAsync();

        var burst = new QuestionBurst(bot, gateway);
        await burst.SendAsync(40);
        var outcomes = await burst.WaitForOutcomesAsync(TimeSpan.FromSeconds(20));
        var heartbeats = gateway.PayloadsWithOp(1).Count;
        await gateway.WaitForPayloadAsync(1, heartbeats + 2);

        QuestionBurst.AssertEachRespondedOnce(outcomes);
        Assert.Contains(outcomes, o => o.Busy && o.Question.IsInteraction);
        Assert.Contains(outcomes, o => o.Busy && !o.Question.IsInteraction);
        Assert.Contains(outcomes, o => !o.Busy);
        Assert.Single(bot.Discord.Connections);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("the answer queue is full", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventsTheEventWorkersHaveNoRoomForAreToldBusyWithoutHoldingUpTheReceiveLoop()
    {
        // Every acknowledgement and reply takes 400 ms: eight interactions hold the eight event workers, so of the next
        // eight questions four fill the 4-event queue and four are shed.
        await using var bot = await BotHarness.StartAsync(
            arrange: d =>
            {
                d.HeartbeatIntervalMs = 1_000;
                d.Latency = r => r.Method == "POST" && !r.Path.EndsWith("/typing", StringComparison.Ordinal) ? TimeSpan.FromMilliseconds(400) : TimeSpan.Zero;
            },
            settings: new Dictionary<string, string?> { ["Discord:EventQueueCapacity"] = "4" });
        var gateway = await bot.ReadyAsync();
        var burst = new QuestionBurst(bot, gateway);

        await burst.SendAsync(8, interactionsOnly: true);
        await bot.Discord.WaitForRequestsAsync(r => r.Path.StartsWith("/interactions/", StringComparison.Ordinal), 8);
        await burst.SendAsync(8);
        var outcomes = await burst.WaitForOutcomesAsync(TimeSpan.FromSeconds(20));

        QuestionBurst.AssertEachRespondedOnce(outcomes);
        Assert.Contains(outcomes, o => o.Busy);
        Assert.All(outcomes.Where(o => o.Question.IsInteraction), o => Assert.True(o.AcknowledgedAfter < TimeSpan.FromSeconds(3), $"acknowledged after {o.AcknowledgedAfter}"));
        Assert.Single(bot.Discord.Connections);
        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("the event queue is full", StringComparison.Ordinal));
    }
}
