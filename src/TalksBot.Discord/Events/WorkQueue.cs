using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace TalksBot.Discord.Events;

/// <summary>
/// Bounded queue of slow work. Event workers acknowledge interactions at once and put the answering here, so a slow
/// answer engine never delays another user's deferral past Discord's 3 s. Writers never wait for room: a full queue
/// means the question is told the bot is busy.
/// </summary>
internal sealed class WorkQueue(IOptions<DiscordOptions> options)
{
    private readonly Channel<WorkItem> _channel = Channel.CreateBounded<WorkItem>(options.Value.AnswerQueueCapacity);

    public ChannelReader<WorkItem> Reader => _channel.Reader;

    public int Capacity { get; } = options.Value.AnswerQueueCapacity;

    /// <summary>False when the queue is full.</summary>
    public bool TryEnqueue(WorkItem item) => _channel.Writer.TryWrite(item);
}
