namespace TalksBot.Core.Answering;

/// <summary>
/// The last few turns of each conversation, for follow-up questions. Bounded twice over: each conversation keeps
/// at most <see cref="AnsweringOptions.HistoryTurns"/> turns, and at most <see cref="AnsweringOptions.MaxConversations"/>
/// conversations are kept, the least recently used forgotten first. Safe to use from several threads.
/// </summary>
internal sealed class ConversationMemory
{
    private readonly int _turns;
    private readonly int _maxConversations;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Id, Queue<ConversationTurn> Turns)>> _byId = new(StringComparer.Ordinal);

    // Most recently used first.
    private readonly LinkedList<(string Id, Queue<ConversationTurn> Turns)> _recency = new();

    /// <summary>Creates the memory with the bounds from <paramref name="options"/>.</summary>
    public ConversationMemory(AnsweringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _turns = options.HistoryTurns;
        _maxConversations = options.MaxConversations;
    }

    /// <summary>How many conversations are remembered.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>The remembered turns of a conversation, oldest first; empty for an unknown one.</summary>
    public IReadOnlyList<ConversationTurn> Get(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        lock (_lock)
        {
            if (!_byId.TryGetValue(conversationId, out var node))
            {
                return [];
            }

            Touch(node);
            return [.. node.Value.Turns];
        }
    }

    /// <summary>Remembers a turn, dropping the conversation's oldest turn and the least recent conversation when full.</summary>
    public void Add(string conversationId, ConversationTurn turn)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(turn);
        if (_turns == 0)
        {
            return;
        }

        lock (_lock)
        {
            if (!_byId.TryGetValue(conversationId, out var node))
            {
                node = _recency.AddFirst((conversationId, new Queue<ConversationTurn>()));
                _byId[conversationId] = node;
                if (_byId.Count > _maxConversations && _recency.Last is { } oldest)
                {
                    _recency.RemoveLast();
                    _byId.Remove(oldest.Value.Id);
                }
            }
            else
            {
                Touch(node);
            }

            var turns = node.Value.Turns;
            turns.Enqueue(turn);
            while (turns.Count > _turns)
            {
                turns.Dequeue();
            }
        }
    }

    private void Touch(LinkedListNode<(string Id, Queue<ConversationTurn> Turns)> node)
    {
        _recency.Remove(node);
        _recency.AddFirst(node);
    }
}
