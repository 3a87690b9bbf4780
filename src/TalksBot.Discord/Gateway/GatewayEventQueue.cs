using System.Threading.Channels;

namespace TalksBot.Discord.Gateway;

/// <summary>
/// Bounded hand-off between the receive loop and the event workers. The receive loop only parses and writes here,
/// so slow handlers never delay heartbeats (Discord.Net #1454).
/// </summary>
internal sealed class GatewayEventQueue
{
    private readonly Channel<GatewayEvent> _channel = Channel.CreateBounded<GatewayEvent>(new BoundedChannelOptions(1_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleWriter = true,
    });

    public ChannelWriter<GatewayEvent> Writer => _channel.Writer;

    public ChannelReader<GatewayEvent> Reader => _channel.Reader;
}
