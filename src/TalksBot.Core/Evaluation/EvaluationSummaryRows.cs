using System.Globalization;

namespace TalksBot.Core.Evaluation;

/// <summary>The summary as labelled rows: for a console table, the plain-text fallback and the HTML chart.</summary>
public static class EvaluationSummaryRows
{
    /// <summary>Every summary figure in reading order: counts, accuracies, abstention, retrieval, latency.</summary>
    public static IReadOnlyList<SummaryRow> For(EvaluationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var questions = $"{summary.Count} ({summary.AnswerableCount} answerable, {summary.UnanswerableCount} unanswerable"
            + (summary.Errors > 0 ? $", {summary.Errors} failed to ask)" : ")");
        var rows = new List<SummaryRow>
        {
            new("Questions", summary.Count, questions, SummaryRowKind.Count),
            RateRow("Answer accuracy", summary.AnswerAccuracy),
            RateRow("Accuracy, answerable", summary.AnswerableAccuracy),
            RateRow("Accuracy, unanswerable", summary.UnanswerableAccuracy),
            RateRow("Citation accuracy (answerable)", summary.CitationAccuracy),
            RateRow("Abstention precision", summary.AbstentionPrecision),
            RateRow("Abstention recall", summary.AbstentionRecall),
        };
        rows.AddRange(summary.Recall.Select(r =>
            RateRow(string.Create(CultureInfo.InvariantCulture, $"Retrieval recall@{r.K}"), r.Rate)));
        rows.Add(new SummaryRow("Retrieval MRR", summary.Mrr, EvaluationFormat.Decimal(summary.Mrr), SummaryRowKind.Score));
        rows.Add(RateRow("Answers right (% of answerable)", summary.Squad.AnswersRight));
        rows.Add(RateRow("Citations right (% of answerable answered)", summary.Squad.CitationsRight));
        rows.Add(RateRow("Unanswerable abstained", summary.Squad.UnanswerableAbstained));
        rows.Add(InvertedRateRow("Answerable abstained (false)", summary.Squad.AnswerableAbstained));
        var split = summary.FailureSplit;
        rows.Add(CountRow("Failed: wrong sentence", split.WrongSentence));
        rows.Add(CountRow("Failed: wrong article", split.WrongArticle));
        rows.Add(CountRow("Failed: wrongly abstained", split.WronglyAbstained));
        rows.Add(CountRow("Failed: answered an unanswerable", split.AnsweredUnanswerable));
        if (split.AskFailed + split.Other > 0)
        {
            rows.Add(CountRow("Failed: ask error or other", split.AskFailed + split.Other));
        }

        rows.Add(LatencyRow("Latency p50", summary.Latency.P50, summary.Latency.Count));
        rows.Add(LatencyRow("Latency p95", summary.Latency.P95, summary.Latency.Count));
        rows.Add(LatencyRow("Latency max", summary.Latency.Max, summary.Latency.Count));
        return rows;
    }

    private static SummaryRow RateRow(string label, Rate rate) =>
        new(label, rate.Value, EvaluationFormat.Percent(rate), SummaryRowKind.Rate);

    private static SummaryRow CountRow(string label, int count) =>
        new(label, count, EvaluationFormat.Count(count), SummaryRowKind.Count);

    // A rate where lower is better is shown as a rate but not coloured as one.
    private static SummaryRow InvertedRateRow(string label, Rate rate) =>
        new(label, rate.Value, EvaluationFormat.Percent(rate), SummaryRowKind.LowerIsBetter);

    private static SummaryRow LatencyRow(string label, TimeSpan value, int count) =>
        count == 0
            ? new SummaryRow(label, null, "n/a (no answers)", SummaryRowKind.Milliseconds)
            : new SummaryRow(label, value.TotalMilliseconds, EvaluationFormat.Milliseconds(value), SummaryRowKind.Milliseconds);
}
