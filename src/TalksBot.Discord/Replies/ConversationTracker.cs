using System.Globalization;
using Microsoft.Extensions.Options;

namespace TalksBot.Discord.Replies;

/// <summary>
/// Which conversation a member's question in a channel (or thread) belongs to: the one they have there, unless it has been
/// idle for <see cref="DiscordOptions.ConversationIdleMinutes"/>; then a new one, so a question after a long pause is not
/// rewritten as a follow-up of a stale topic. At most <see cref="DiscordOptions.MaxConversations"/> are kept, the least
/// recently used forgotten first. Safe to use from several threads.
/// </summary>
internal sealed class ConversationTracker(IOptions<DiscordOptions> options, TimeProvider time)
{
    private readonly TimeSpan _idle = TimeSpan.FromMinutes(options.Value.ConversationIdleMinutes);
    private readonly int _max = options.Value.MaxConversations;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Conversation>> _byMember = new(StringComparer.Ordinal);

    // Most recently used first.
    private readonly LinkedList<Conversation> _recency = new();
    private long _started;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byMember.Count;
            }
        }
    }

    /// <summary>
    /// The conversation id for <paramref name="userId"/>'s question in <paramref name="channelId"/>. Each new conversation
    /// gets an id never used before in this process, so the answer engine cannot hand it an expired one's turns.
    /// </summary>
    public string ConversationFor(string channelId, string userId)
    {
        var member = $"{channelId}/{userId}";
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_byMember.TryGetValue(member, out var node))
            {
                _recency.Remove(node);
                if (now - node.Value.LastAsked < _idle)
                {
                    node.Value = node.Value with { LastAsked = now };
                    _recency.AddFirst(node);
                    return node.Value.Id;
                }

                _byMember.Remove(member);
            }

            var id = member + "/" + (++_started).ToString(CultureInfo.InvariantCulture);
            _byMember[member] = _recency.AddFirst(new Conversation(member, id, now));
            while (_recency.Last is { } oldest && (_byMember.Count > _max || now - oldest.Value.LastAsked >= _idle))
            {
                _byMember.Remove(oldest.Value.Member);
                _recency.RemoveLast();
            }

            return id;
        }
    }

    private sealed record Conversation(string Member, string Id, DateTimeOffset LastAsked);
}
