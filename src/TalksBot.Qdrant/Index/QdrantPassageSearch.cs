using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Retrieval;
using TalksBot.Qdrant.Rest;

namespace TalksBot.Qdrant.Index;

/// <summary>Hybrid retrieval over the served alias: Qdrant's BM25 and the dense embedding, fused by reciprocal rank.</summary>
public sealed partial class QdrantPassageSearch(
    QdrantRestClient client,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<QdrantOptions> options,
    ILogger<QdrantPassageSearch> logger) : IPassageSearch
{
    // Each retriever contributes a deep candidate list so a passage ranked low by one can still win on the fused score.
    private const int MinPrefetch = 50;
    private const int PrefetchPerResult = 5;

    private readonly string _alias = options.Value.Alias;

    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var started = Stopwatch.GetTimestamp();

        var vector = await embedder.GenerateVectorAsync(query, cancellationToken: cancellationToken);
        var prefetch = Math.Max(MinPrefetch, PrefetchPerResult * limit);
        // Ask for twice the limit: tied fused scores at the cut-off are then settled by id here, not by Qdrant's internal order.
        var points = await client.QueryHybridAsync(_alias, new HybridQuery(query, vector, Math.Min(2 * limit, prefetch), prefetch), cancellationToken);

        var results = new RetrievedPassage[Math.Min(limit, points.Count)];
        for (var rank = 0; rank < results.Length; rank++)
        {
            results[rank] = PassagePayloads.ToRetrieved(points[rank], rank, _alias);
        }

        LogSearched(results.Length, _alias, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return results;
    }

    [LoggerMessage(3030, LogLevel.Debug, "Hybrid search returned {Count} passages from {Alias} in {ElapsedMs:F1} ms")]
    private partial void LogSearched(int count, string alias, double elapsedMs);
}
