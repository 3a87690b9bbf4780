using System.Text.Json;
using Microsoft.Extensions.Options;
using TalksBot.Discord.Gateway;

namespace TalksBot.Discord.Tests.Gateway;

public sealed class GatewayEventQueueTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static GatewayEventQueue Queue(int capacity = 10) =>
        new(Options.Create(new DiscordOptions { Token = "t", EventQueueCapacity = capacity }));

    private static GatewayEvent Event() => new("MESSAGE_CREATE", default(JsonElement));

    [Fact]
    public void WhenEmptyIsCompleteWhileNoEventWaits() => Assert.True(Queue().WhenEmptyAsync().IsCompleted);

    [Fact]
    public async Task WhenEmptyCompletesOnceAWorkerPicksUpTheLastWaitingEvent()
    {
        var queue = Queue();
        queue.Admit(Event());
        queue.Admit(Event());
        await using var worker = queue.ReadAllAsync(Ct).GetAsyncEnumerator(Ct);

        await AssertEmptiedOnlyBySecondTakeAsync(queue.WhenEmptyAsync(), worker, worker);
    }

    [Fact]
    public async Task AShedEventStillWaitingKeepsTheQueueFromCountingAsEmpty()
    {
        var queue = Queue(capacity: 1);
        Assert.Equal(EventAdmission.Queued, queue.Admit(Event()));
        Assert.Equal(EventAdmission.Shed, queue.Admit(Event()));
        await using var worker = queue.ReadAllAsync(Ct).GetAsyncEnumerator(Ct);
        await using var busyWorker = queue.ReadAllShedAsync(Ct).GetAsyncEnumerator(Ct);

        await AssertEmptiedOnlyBySecondTakeAsync(queue.WhenEmptyAsync(), worker, busyWorker);
    }

    [Fact]
    public async Task AnEventAdmittedAfterTheQueueEmptiedIsWaitedForAgain()
    {
        var queue = Queue();
        queue.Admit(Event());
        await using var worker = queue.ReadAllAsync(Ct).GetAsyncEnumerator(Ct);
        Assert.True(await worker.MoveNextAsync());

        queue.Admit(Event());
        var emptied = queue.WhenEmptyAsync();

        Assert.False(emptied.IsCompleted);
        Assert.True(await worker.MoveNextAsync());
        await emptied.WaitAsync(Generous, Ct);
    }

    private static async Task AssertEmptiedOnlyBySecondTakeAsync(Task emptied, IAsyncEnumerator<GatewayEvent> first, IAsyncEnumerator<GatewayEvent> second)
    {
        Assert.True(await first.MoveNextAsync());
        Assert.False(emptied.IsCompleted);
        Assert.True(await second.MoveNextAsync());
        await emptied.WaitAsync(Generous, Ct);
    }
}
