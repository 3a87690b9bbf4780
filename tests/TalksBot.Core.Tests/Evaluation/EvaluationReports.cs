using TalksBot.Core.Evaluation;
using static TalksBot.Core.Tests.Evaluation.EvaluationSamples;

namespace TalksBot.Core.Tests.Evaluation;

/// <summary>A small finished report for the writer tests.</summary>
internal static class EvaluationReports
{
    public static EvaluationReport Of(params ItemResult[] results) => new(
        "smoke",
        new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 11, 22, 4, 1, 0, TimeSpan.Zero),
        "extractive",
        EvaluationOptions.Default,
        EvaluationSummary.Of(results, EvaluationOptions.Default),
        results);

    public static EvaluationReport Sample() => Of(
        ItemScorer.Score(Answerable("q1"), Reply("Riyadh.", cited: ["a1"], retrieved: ["a1"], latencyMs: 120), EvaluationOptions.Default),
        ItemScorer.Score(Answerable("q2"), Reply("Paris.", cited: ["b"], retrieved: ["b", "a1"], latencyMs: 340), EvaluationOptions.Default),
        ItemScorer.Score(Unanswerable("u1"), Abstention(), EvaluationOptions.Default));
}
