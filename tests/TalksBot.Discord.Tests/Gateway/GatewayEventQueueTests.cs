using System.Text.Json;
using Microsoft.Extensions.Options;
using TalksBot.Discord.Gateway;

namespace TalksBot.Discord.Tests.Gateway;

public sealed class GatewayEventQueueTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

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
        var emptied = queue.WhenEmptyAsync();
        await using var worker = queue.ReadAllAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        Assert.True(await worker.MoveNextAsync());
        Assert.False(emptied.IsCompleted);
        Assert.True(await worker.MoveNextAsync());

        await emptied.WaitAsync(Generous, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AShedEventStillWaitingKeepsTheQueueFromCountingAsEmpty()
    {
        var queue = Queue(capacity: 1);
        Assert.Equal(EventAdmission.Queued, queue.Admit(Event()));
        Assert.Equal(EventAdmission.Shed, queue.Admit(Event()));
        var emptied = queue.WhenEmptyAsync();
        await using var worker = queue.ReadAllAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        await using var busyWorker = queue.ReadAllShedAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        Assert.True(await worker.MoveNextAsync());
        Assert.False(emptied.IsCompleted);
        Assert.True(await busyWorker.MoveNextAsync());

        await emptied.WaitAsync(Generous, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnEventAdmittedAfterTheQueueEmptiedIsWaitedForAgain()
    {
        var queue = Queue();
        queue.Admit(Event());
        await using var worker = queue.ReadAllAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.True(await worker.MoveNextAsync());

        queue.Admit(Event());
        var emptied = queue.WhenEmptyAsync();
        Assert.False(emptied.IsCompleted);
        Assert.True(await worker.MoveNextAsync());

        await emptied.WaitAsync(Generous, TestContext.Current.CancellationToken);
    }
}
