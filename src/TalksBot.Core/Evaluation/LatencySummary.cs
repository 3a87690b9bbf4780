namespace TalksBot.Core.Evaluation;

/// <summary>
/// Latency percentiles by the nearest-rank method: the p-th percentile is the smallest measured value with at least
/// p% of the measurements at or below it (sorted ascending, index ⌈p/100 · n⌉). No interpolation, so every figure is a
/// latency that really happened.
/// </summary>
/// <param name="Count">How many answered asks were measured; failed asks are left out because they did not complete.</param>
public sealed record LatencySummary(int Count, TimeSpan P50, TimeSpan P95, TimeSpan Max)
{
    /// <summary>Summarises <paramref name="latencies"/>; all zero when there are none.</summary>
    public static LatencySummary Of(IEnumerable<TimeSpan> latencies)
    {
        var sorted = latencies.Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero)
            : new LatencySummary(sorted.Length, NearestRank(sorted, 50), NearestRank(sorted, 95), sorted[^1]);
    }

    /// <summary>The nearest-rank <paramref name="percentile"/> (0–100] of ascending <paramref name="sorted"/>.</summary>
    public static TimeSpan NearestRank(IReadOnlyList<TimeSpan> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
