using System.Threading.Channels;

namespace TalksBot.Discord.Events;

/// <summary>
/// Bounded queue of slow work. Event workers acknowledge interactions at once and put the answering here, so a slow
/// answer engine never delays another user's deferral past Discord's 3 s.
/// </summary>
internal sealed class WorkQueue
{
    private readonly Channel<WorkItem> _channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(1_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    public ChannelReader<WorkItem> Reader => _channel.Reader;

    public ValueTask EnqueueAsync(WorkItem item, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(item, cancellationToken);
}
