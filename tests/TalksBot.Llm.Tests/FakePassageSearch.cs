using TalksBot.Core.Retrieval;

namespace TalksBot.Llm.Tests;

/// <summary>A hand-written passage search: returns its passages for any query, optionally after a delay, and records the queries.</summary>
internal sealed class FakePassageSearch(IReadOnlyList<RetrievedPassage> found, TimeSpan delay = default) : IPassageSearch
{
    private readonly List<string> _queries = [];

    public IReadOnlyList<string> Queries
    {
        get
        {
            lock (_queries)
            {
                return [.. _queries];
            }
        }
    }

    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_queries)
        {
            _queries.Add(query.Text);
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, cancellationToken);
        }

        return [.. found.Take(limit)];
    }
}
