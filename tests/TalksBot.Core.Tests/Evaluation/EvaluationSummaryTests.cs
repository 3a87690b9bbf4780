using TalksBot.Core.Evaluation;
using static TalksBot.Core.Tests.Evaluation.EvaluationSamples;

namespace TalksBot.Core.Tests.Evaluation;

public sealed class EvaluationSummaryTests
{
    private static readonly EvaluationOptions Options = EvaluationOptions.Default;

    // Hand-computed example: four answerable items, two unanswerable.
    //   q1 right, cited a1, a1 retrieved at rank 1            -> 1/1
    //   q2 right, cited a1, a1 retrieved at rank 2            -> 1/2
    //   q3 wrong answer, cited a1, a1 retrieved at rank 4     -> 1/4
    //   q4 abstained wrongly, a1 never retrieved               -> 0
    //   u1 abstained (right)
    //   u2 answered (wrong)
    // Accuracy 3/6; answerable 2/4; unanswerable 1/2; citation 3/4.
    // Abstentions: q4, u1 -> precision 1/2; unanswerable abstained: u1 of u1, u2 -> recall 1/2.
    // recall@1 1/4, @3 2/4, @5 3/4; MRR (1 + 0.5 + 0.25 + 0) / 4 = 0.4375.
    private static IReadOnlyList<ItemResult> Example() =>
    [
        ItemScorer.Score(Answerable("q1"), Reply("Riyadh", cited: ["a1"], retrieved: ["a1"], latencyMs: 10), Options),
        ItemScorer.Score(Answerable("q2"), Reply("Riyadh", cited: ["a1"], retrieved: ["b", "a1"], latencyMs: 20), Options),
        ItemScorer.Score(Answerable("q3"), Reply("Paris", cited: ["a1"], retrieved: ["b", "c", "d", "a1"], latencyMs: 30), Options),
        ItemScorer.Score(Answerable("q4"), Reply("Unknown.", abstained: true, retrieved: ["b"], latencyMs: 40), Options),
        ItemScorer.Score(Unanswerable("u1"), Reply("Unknown.", abstained: true, latencyMs: 50), Options),
        ItemScorer.Score(Unanswerable("u2"), Reply("The EU signed.", cited: ["a1"], latencyMs: 1000), Options),
    ];

    [Fact]
    public void AccuraciesCountTheirOwnDenominators()
    {
        var summary = EvaluationSummary.Of(Example(), Options);

        Assert.Equal(new Rate(3, 6), summary.AnswerAccuracy);
        Assert.Equal(new Rate(2, 4), summary.AnswerableAccuracy);
        Assert.Equal(new Rate(1, 2), summary.UnanswerableAccuracy);
        Assert.Equal(new Rate(3, 4), summary.CitationAccuracy);
    }

    [Fact]
    public void AbstentionPrecisionCountsAbstentionsAndRecallCountsUnanswerableItems()
    {
        var summary = EvaluationSummary.Of(Example(), Options);

        Assert.Equal(new Rate(1, 2), summary.AbstentionPrecision);
        Assert.Equal(new Rate(1, 2), summary.AbstentionRecall);
    }

    [Fact]
    public void RecallAtKAndMrrCountAnswerableItems()
    {
        var summary = EvaluationSummary.Of(Example(), Options);

        Assert.Equal([(1, new Rate(1, 4)), (3, new Rate(2, 4)), (5, new Rate(3, 4))], summary.Recall.Select(r => (r.K, r.Rate)));
        Assert.Equal(0.4375, summary.Mrr!.Value, 10);
    }

    [Fact]
    public void LatencyPercentilesUseTheNearestRank()
    {
        var summary = EvaluationSummary.Of(Example(), Options);

        // Sorted: 10 20 30 40 50 1000. p50: ceil(0.5 * 6) = 3rd = 30; p95: ceil(0.95 * 6) = 6th = 1000.
        Assert.Equal(TimeSpan.FromMilliseconds(30), summary.Latency.P50);
        Assert.Equal(TimeSpan.FromMilliseconds(1000), summary.Latency.P95);
        Assert.Equal(TimeSpan.FromMilliseconds(1000), summary.Latency.Max);
    }

    [Theory]
    [InlineData(20, 95, 19)]
    [InlineData(5, 50, 3)]
    [InlineData(3, 95, 3)]
    [InlineData(4, 50, 2)]
    public void NearestRankIsTheValueAtTheCeilingOfPercentTimesCount(int count, double percentile, int expectedMs)
    {
        var sorted = Enumerable.Range(1, count).Select(i => TimeSpan.FromMilliseconds(i)).ToList();

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), LatencySummary.NearestRank(sorted, percentile));
    }

    [Fact]
    public void AFailedAskCountsAsWrongButNotInLatency()
    {
        IReadOnlyList<ItemResult> results =
        [
            ItemScorer.Score(Answerable("q1"), Reply("Riyadh", cited: ["a1"], latencyMs: 10), Options),
            ItemScorer.Failed(Answerable("q2"), "boom", TimeSpan.FromSeconds(30)),
        ];

        var summary = EvaluationSummary.Of(results, Options);

        Assert.Equal(new Rate(1, 2), summary.AnswerAccuracy);
        Assert.Equal(1, summary.Errors);
        Assert.Equal(TimeSpan.FromMilliseconds(10), summary.Latency.Max);
    }

    [Fact]
    public void ARateWithNoItemsIsUndefinedNotZero()
    {
        var summary = EvaluationSummary.Of([ItemScorer.Score(Answerable(), Answer("Riyadh", "a1"), Options)], Options);

        Assert.Null(summary.AbstentionRecall.Value);
        Assert.Null(summary.AbstentionPrecision.Value);
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.51, false)]
    public void TheAccuracyGateComparesAnswerAccuracyWithTheMinimum(double minimum, bool passes)
    {
        var summary = EvaluationSummary.Of(Example(), Options);

        var check = summary.CheckAccuracy(minimum);

        Assert.Equal(passes, check.Passed);
    }

    [Fact]
    public void TheAccuracyGateMessageGivesTheCounts()
    {
        var check = EvaluationSummary.Of(Example(), Options).CheckAccuracy(0.8);

        Assert.Equal("answer accuracy 50.0% (3/6) is below the minimum 80.0%", check.Message);
    }

    [Fact]
    public void SummaryRowsFormatRatesWithTheirCounts()
    {
        var rows = EvaluationSummaryRows.For(EvaluationSummary.Of(Example(), Options));

        var row = Assert.Single(rows, r => r.Label == "Citation accuracy (answerable)");
        Assert.Equal("75.0% (3/4)", row.Formatted);
        Assert.Equal(0.75, row.Value);
        Assert.Contains(rows, r => r is { Label: "Latency p95", Formatted: "1000 ms" });
    }
}
