using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Retrieval;
using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant.Index;

/// <summary>Hybrid retrieval over the served alias: Qdrant's BM25 and the dense embedding, fused by reciprocal rank.</summary>
public sealed partial class QdrantPassageSearch(
    QdrantIndexClient client,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<QdrantOptions> options,
    ILogger<QdrantPassageSearch> logger) : IPassageSearch
{
    // Each retriever contributes a deep candidate list so a passage ranked low by one can still win on the fused score.
    private const int MinPrefetch = 50;
    private const int PrefetchPerResult = 5;
    private const int CandidatesPerResult = 4;

    private readonly string _alias = options.Value.Alias;
    private readonly TimeSpan _timeout = options.Value.SearchTimeout;

    public async Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var started = Stopwatch.GetTimestamp();

        var vector = query.Vector ?? await embedder.GenerateVectorAsync(query.Text, cancellationToken: cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        IReadOnlyList<ScoredPoint> points;
        try
        {
            // Ask for several times the limit: tied fused scores at the cut-off are settled by id here, not by Qdrant's
            // internal order, and there is room to diversify across articles below.
            points = await client.QueryHybridAsync(_alias, HybridQueryFor(query.Text, vector, limit), deadline.Token);
        }
        catch (QdrantException e) when (e.IsTransient)
        {
            LogUnavailable(_alias, e.Message);
            throw new IndexUnavailableException($"The article index is temporarily unavailable: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our deadline, not the caller's: Qdrant hangs or keeps failing through the retries.
            LogUnavailable(_alias, $"no answer within {_timeout.TotalSeconds:F1} s (Qdrant:SearchTimeout)");
            throw new IndexUnavailableException($"The article index did not answer within {_timeout.TotalSeconds:F1} s (Qdrant:SearchTimeout).", e);
        }

        var chosen = DiversifyByArticle(points, limit);
        var results = new RetrievedPassage[chosen.Count];
        for (var rank = 0; rank < results.Length; rank++)
        {
            results[rank] = PassagePayloads.ToRetrieved(chosen[rank], rank, _alias);
        }

        LogSearched(results.Length, _alias, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return results;
    }

    /// <summary>The Qdrant query behind a search for <paramref name="limit"/> passages; <c>talksbot bench</c> sends it straight through the client.</summary>
    public static HybridQuery HybridQueryFor(string text, ReadOnlyMemory<float> vector, int limit)
    {
        var prefetch = Math.Max(MinPrefetch, PrefetchPerResult * limit);
        return new HybridQuery(text, vector, Math.Min(CandidatesPerResult * limit, prefetch), prefetch);
    }

    /// <summary>
    /// Keeps the fused order but lets no article take more than its share of the first <paramref name="limit"/> places;
    /// passages held back fill the remaining places in order. A long article otherwise crowds every other source out of
    /// a broad question ("When did the talks begin?"), and the answerer never sees where the articles disagree.
    /// </summary>
    internal static IReadOnlyList<ScoredPoint> DiversifyByArticle(IReadOnlyList<ScoredPoint> points, int limit)
    {
        var perArticle = Math.Max(1, (limit + 1) / 2 - 1);
        var chosen = new List<ScoredPoint>(limit);
        var heldBack = new List<ScoredPoint>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            if (chosen.Count == limit)
                break;
            var article = PassagePayloads.ArticleIdOf(point);
            var seen = counts.GetValueOrDefault(article);
            if (seen < perArticle)
            {
                counts[article] = seen + 1;
                chosen.Add(point);
            }
            else
            {
                heldBack.Add(point);
            }
        }

        chosen.AddRange(heldBack.Take(limit - chosen.Count));
        return chosen;
    }

    [LoggerMessage(3031, LogLevel.Warning, "The article index {Alias} is unavailable: {Reason}")]
    private partial void LogUnavailable(string alias, string reason);

    [LoggerMessage(3030, LogLevel.Debug, "Hybrid search returned {Count} passages from {Alias} in {ElapsedMs:F1} ms")]
    private partial void LogSearched(int count, string alias, double elapsedMs);
}
