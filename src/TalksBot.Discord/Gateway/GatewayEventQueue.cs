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

    public ChannelReader<GatewayEvent> Reader => _events.Reader;

    public ChannelReader<GatewayEvent> ShedReader => _shed.Reader;

    public int Capacity { get; } = options.Value.EventQueueCapacity;

    /// <summary>Events received and not yet picked up by a worker.</summary>
    public int Backlog => _events.Reader.Count + _shed.Reader.Count;

    public EventAdmission Admit(GatewayEvent dispatch) =>
        _events.Writer.TryWrite(dispatch) ? EventAdmission.Queued
        : _shed.Writer.TryWrite(dispatch) ? EventAdmission.Shed
        : EventAdmission.Dropped;

    private static Channel<GatewayEvent> Bounded(int capacity) => Channel.CreateBounded<GatewayEvent>(new BoundedChannelOptions(capacity)
    {
        SingleWriter = true,
    });
}
