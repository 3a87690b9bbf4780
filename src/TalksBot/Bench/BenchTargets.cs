using System.Globalization;

namespace TalksBot.Bench;

/// <summary>
/// The speed targets of issue 11, each a ratio or bound within one run so a loaded machine slows both sides alike.
/// They are set for <c>--scale 10000</c>; at other sizes the verdicts are indicative.
/// </summary>
internal static class BenchTargets
{
    public const double MaxAnsweringOverheadMs = 3;
    public const double MaxAskP95Ms = 60;
    public const double MinIngestShareOfEmbedder = 0.8;
    public const double MaxRssMb = 600;

    /// <summary>One target: what it asks, what was measured, and whether it was met (null: not measured by the bench).</summary>
    internal sealed record Verdict(string Target, string Measured, bool? Passed);

    public static IReadOnlyList<Verdict> Evaluate(BenchReport report)
    {
        var ask = report.Ask;
        var overhead = ask.P50Ms - (ask.EmbedQueryP50Ms + ask.QdrantHybridP50Ms);
        var share = report.Ingest.EmbedderPassagesPerSecond > 0 ? report.Ingest.PassagesPerSecond / report.Ingest.EmbedderPassagesPerSecond : 0;
        return
        [
            new($"answering adds ≤ {MaxAnsweringOverheadMs:0} ms to query embedding + raw Qdrant query (p50)",
                F($"{overhead:F1} ms ({ask.P50Ms:F1} − {ask.EmbedQueryP50Ms:F1} − {ask.QdrantHybridP50Ms:F1})"), overhead <= MaxAnsweringOverheadMs),
            new($"ask p95 ≤ {MaxAskP95Ms:0} ms", F($"{ask.P95Ms:F1} ms"), ask.P95Ms <= MaxAskP95Ms),
            new($"ingest ≥ {MinIngestShareOfEmbedder:0%} of the embedder's own throughput",
                F($"{share:0%} ({report.Ingest.PassagesPerSecond:F1} of {report.Ingest.EmbedderPassagesPerSecond:F1} passages/s)"), share >= MinIngestShareOfEmbedder),
            new($"RSS after the questions ≤ {MaxRssMb:0} MB", F($"{report.Memory.RssMbAfterQuestions:F0} MB"), report.Memory.RssMbAfterQuestions <= MaxRssMb),
            new("deferral p99 ≤ 50 ms under 100 concurrent interactions", "measured apart: dotnet run --project tests/TalksBot.DeferralBench -c Release", null),
        ];
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
