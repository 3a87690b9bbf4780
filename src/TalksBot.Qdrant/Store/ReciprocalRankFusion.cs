namespace TalksBot.Qdrant.Store;

/// <summary>
/// Reciprocal rank fusion as Qdrant 1.16 scores it, 1 / (2 + position) summed over the lists, with every tie settled
/// by point id. Qdrant fuses prefetches in whatever order its segments return tied scores, and that order changes when
/// the server restarts: overlapping passages often tie on BM25, so the same question could retrieve in another order,
/// and be answered differently, from one run to the next.
/// </summary>
internal static class ReciprocalRankFusion
{
    // Qdrant's constant: its first place scores 1/2 (measured against 1.16.3: 0.5, 0.333, 0.25 ... for one list).
    private const int Offset = 2;

    /// <summary>The <paramref name="limit"/> best points of the fused lists, best first, ties by id.</summary>
    public static IReadOnlyList<(Guid Id, double Score)> Fuse(IEnumerable<IEnumerable<(Guid Id, double Score)>> lists, int limit)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var fused = new Dictionary<Guid, double>();
        foreach (var list in lists)
        {
            var position = 0;
            foreach (var (id, _) in list.OrderByDescending(p => p.Score).ThenBy(p => p.Id))
                fused[id] = fused.GetValueOrDefault(id) + (1.0 / (Offset + position++));
        }

        return [.. fused.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(limit).Select(p => (p.Key, p.Value))];
    }
}
