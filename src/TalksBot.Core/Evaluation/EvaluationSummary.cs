namespace TalksBot.Core.Evaluation;

/// <summary>
/// The figures an evaluator reads first. Denominators: answer accuracy counts every item; citation accuracy, recall@k and
/// MRR count answerable items only (an unanswerable item has no source to cite or find); abstention precision counts
/// abstentions, abstention recall counts unanswerable items. A failed ask counts as wrong, not abstained, and never retrieved.
/// </summary>
/// <param name="AnswerAccuracy">Correct items / all items.</param>
/// <param name="CitationAccuracy">Answerable items with a citation from an expected source / answerable items.</param>
/// <param name="AbstentionPrecision">Abstentions on unanswerable items / all abstentions.</param>
/// <param name="AbstentionRecall">Unanswerable items that abstained / unanswerable items.</param>
/// <param name="Mrr">Mean over answerable items of 1 / rank of the first passage from an expected source (0 when none).</param>
/// <param name="Errors">Items whose ask threw.</param>
public sealed record EvaluationSummary(
    int Count,
    int AnswerableCount,
    int UnanswerableCount,
    int Errors,
    Rate AnswerAccuracy,
    Rate AnswerableAccuracy,
    Rate UnanswerableAccuracy,
    Rate CitationAccuracy,
    Rate AbstentionPrecision,
    Rate AbstentionRecall,
    IReadOnlyList<RecallAtK> Recall,
    double? Mrr,
    LatencySummary Latency)
{
    /// <summary>The four SQuAD-style figures (answers, citations, abstentions both ways).</summary>
    public SquadFigures Squad { get; init; } = new(new Rate(0, 0), new Rate(0, 0), new Rate(0, 0), new Rate(0, 0));

    /// <summary>Failed items by where they went wrong.</summary>
    public FailureSplit FailureSplit { get; init; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Results per kind of question (leading wh-word).</summary>
    public IReadOnlyList<KindResult> Kinds { get; init; } = [];

    /// <summary>The coverage/accuracy curve over the answerer's confidence.</summary>
    public IReadOnlyList<CoveragePoint> Coverage { get; init; } = [];

    /// <summary>Computes the summary of <paramref name="results"/>.</summary>
    public static EvaluationSummary Of(IReadOnlyList<ItemResult> results, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        var answerable = results.Where(r => r.Item.Answerable).ToList();
        var unanswerable = results.Where(r => !r.Item.Answerable).ToList();
        return new EvaluationSummary(
            results.Count,
            answerable.Count,
            unanswerable.Count,
            results.Count(r => r.Error is not null),
            Rate.Of(results, r => r.Correct),
            Rate.Of(answerable, r => r.Correct),
            Rate.Of(unanswerable, r => r.Correct),
            Rate.Of(answerable, r => r.CitationCorrect),
            Rate.Of(results.Where(r => r.Abstained), r => !r.Item.Answerable),
            Rate.Of(unanswerable, r => r.Abstained),
            [.. options.RecallAtK.Order().Select(k => new RecallAtK(k, Rate.Of(answerable, r => r.FirstRelevantRank <= k)))],
            answerable.Count == 0 ? null : answerable.Average(r => r.FirstRelevantRank is { } rank ? 1.0 / rank : 0),
            LatencySummary.Of(results.Where(r => r.Error is null).Select(r => r.Latency)))
        {
            Squad = SquadFigures.Of(results),
            FailureSplit = FailureSplit.Of(results),
            Kinds = KindResult.Of(results),
            Coverage = CoverageCurve.Of(results),
        };
    }

    /// <summary>
    /// The <c>--min-accuracy</c> gate: passes when <see cref="AnswerAccuracy"/> is at least <paramref name="minimum"/>
    /// (a fraction, 0–1). An empty run never passes.
    /// </summary>
    public AccuracyCheck CheckAccuracy(double minimum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimum);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimum, 1);
        var actual = AnswerAccuracy.Value ?? 0;

        // Compare in whole basis points so 0.8 passes an accuracy of 4/5 despite binary rounding.
        var passed = AnswerAccuracy.Total > 0 && Math.Round(actual * 10_000) >= Math.Round(minimum * 10_000);
        var message = passed
            ? $"answer accuracy {EvaluationFormat.Percent(AnswerAccuracy)} meets the minimum {EvaluationFormat.Percent(minimum)}"
            : $"answer accuracy {EvaluationFormat.Percent(AnswerAccuracy)} is below the minimum {EvaluationFormat.Percent(minimum)}";
        return new AccuracyCheck(passed, actual, minimum, message);
    }
}
