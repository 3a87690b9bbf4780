using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace TalksBot.Discord.Gateway;

/// <summary>
/// Bounded hand-off between the receive loop and the event workers. The receive loop only parses and writes here, and never
/// waits for room, so neither slow handlers nor a burst delay heartbeat ACKs (Discord.Net #1454).
/// </summary>
internal sealed class GatewayEventQueue(IOptions<DiscordOptions> options)
{
    private readonly Channel<GatewayEvent> _events = Bounded(options.Value.EventQueueCapacity);

    // Events the workers have no room for wait here for a worker of their own that only says "busy": a quick REST call
    // each, so a question is answered within Discord's 3 s rather than lost.
    private readonly Channel<GatewayEvent> _shed = Bounded(options.Value.EventQueueCapacity);

    // Completed when a worker picks up the last waiting event. Checked and swapped under the lock, so a worker emptying the
    // queue as a waiter arrives can never leave the waiter unwoken.
    private readonly Lock _lock = new();
    private TaskCompletionSource? _emptied;

    public int Capacity { get; } = options.Value.EventQueueCapacity;

    /// <summary>Events received and not yet picked up by a worker.</summary>
    private int Backlog => _events.Reader.Count + _shed.Reader.Count;

    public EventAdmission Admit(GatewayEvent dispatch) =>
        _events.Writer.TryWrite(dispatch) ? EventAdmission.Queued
        : _shed.Writer.TryWrite(dispatch) ? EventAdmission.Shed
        : EventAdmission.Dropped;

    /// <summary>The events for the event workers, each taken off the queue as it is yielded.</summary>
    public IAsyncEnumerable<GatewayEvent> ReadAllAsync(CancellationToken cancellationToken) => TakeAllAsync(_events.Reader, cancellationToken);

    /// <summary>The shed events, for the worker that answers "busy".</summary>
    public IAsyncEnumerable<GatewayEvent> ReadAllShedAsync(CancellationToken cancellationToken) => TakeAllAsync(_shed.Reader, cancellationToken);

    /// <summary>Completes once no event waits for a worker: at once when none does.</summary>
    public Task WhenEmptyAsync()
    {
        lock (_lock)
        {
            return Backlog == 0
                ? Task.CompletedTask
                : (_emptied ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    private async IAsyncEnumerable<GatewayEvent> TakeAllAsync(ChannelReader<GatewayEvent> reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var dispatch in reader.ReadAllAsync(cancellationToken))
        {
            SignalIfEmpty();
            yield return dispatch;
        }
    }

    private void SignalIfEmpty()
    {
        // Whoever takes an event while others still wait leaves the signal to whoever takes the last one.
        if (Backlog > 0)
        {
            return;
        }

        TaskCompletionSource? emptied;
        lock (_lock)
        {
            if (Backlog > 0)
            {
                return;
            }

            (emptied, _emptied) = (_emptied, null);
        }

        emptied?.TrySetResult();
    }

    private static Channel<GatewayEvent> Bounded(int capacity) => Channel.CreateBounded<GatewayEvent>(new BoundedChannelOptions(capacity)
    {
        SingleWriter = true,
    });
}
