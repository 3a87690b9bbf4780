using Microsoft.Extensions.Options;
using TalksBot.Core.Retrieval;
using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant.Index;

/// <summary>
/// BM25 alone over the served alias, with no dense vector, fusion or diversifying: the retrieval of the naive baseline
/// the eval reports beside the bot.
/// </summary>
public sealed class QdrantBm25Search(QdrantIndexClient client, IOptions<QdrantOptions> options) : IPassageSearch
{
    private readonly string _alias = options.Value.Alias;

    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var points = await client.QueryBm25Async(_alias, query.Text, limit, cancellationToken);
        return [.. points.Select((point, rank) => PassagePayloads.ToRetrieved(point, rank, _alias))];
    }
}
