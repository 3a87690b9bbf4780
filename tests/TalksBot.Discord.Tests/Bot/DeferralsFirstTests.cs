using TalksBot.Core.Answering;
using TalksBot.Testing.FakeDiscord;

namespace TalksBot.Discord.Tests.Bot;

public sealed class DeferralsFirstTests
{
    private const int Interactions = 30;
    private const int EventWorkers = 8;

    [Fact]
    public async Task AnsweringWaitsUntilTheEventWorkersHavePickedUpEveryInteractionOfABurst()
    {
        // Each callback takes 250 ms, so the eight event workers need four rounds for the burst: without the wait, the first
        // answer starts after the first round, with at most 16 callbacks sent. 250 ms, not less: the whole burst must have
        // reached the bot before the first round ends, or an empty queue is honestly empty (a CI run at 100 ms saw 8).
        BotHarness? bot = null;
        var callbacksWhenAnsweringBegan = -1;
        Func<AskRequest, CancellationToken, Task<AskResult>> fast = Fakes.Answers.After(TimeSpan.Zero, "An answer.");
        await using var harness = await BotHarness.StartAsync(
            (request, ct) =>
            {
                Interlocked.CompareExchange(ref callbacksWhenAnsweringBegan, bot!.Discord.Requests.Count(IsCallback), -1);
                return fast(request, ct);
            },
            arrange: d => d.Latency = r => IsCallback(r) ? TimeSpan.FromMilliseconds(250) : TimeSpan.Zero);
        bot = harness;
        var gateway = await harness.ReadyAsync();

        var burst = new QuestionBurst(harness, gateway);
        await burst.SendAsync(Interactions, interactionsOnly: true);
        var outcomes = await burst.WaitForOutcomesAsync(TimeSpan.FromSeconds(30));

        QuestionBurst.AssertEachRespondedOnce(outcomes);
        // Once no event waits for a worker, at most one per worker is still being acknowledged.
        Assert.True(callbacksWhenAnsweringBegan >= Interactions - EventWorkers,
            $"answering began after {callbacksWhenAnsweringBegan} of {Interactions} callbacks");
    }

    private static bool IsCallback(RecordedRequest request) => request.Method == "POST" && request.Path.EndsWith("/callback", StringComparison.Ordinal);
}
