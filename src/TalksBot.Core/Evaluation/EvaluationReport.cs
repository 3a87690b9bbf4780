namespace TalksBot.Core.Evaluation;

/// <summary>A finished evaluation: what was run, when, by which answerer, and how it scored.</summary>
/// <param name="Answerer">The answerer names seen in the replies, e.g. "extractive"; "unknown" when every ask failed.</param>
public sealed record EvaluationReport(
    string SuiteName,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Answerer,
    EvaluationOptions Options,
    EvaluationSummary Summary,
    IReadOnlyList<ItemResult> Results)
{
    /// <summary>Which part of the suite ran (see <see cref="HeldOutSplit"/>).</summary>
    public SuitePart Part { get; init; } = SuitePart.All;

    /// <summary>The article folder indexed for this run; null when the served index answered.</summary>
    public string? Articles { get; init; }

    /// <summary>The code that answered: the git commit of the checkout, when it is one.</summary>
    public string? Commit { get; init; }

    /// <summary>What was asked about: a short hash over the article folder's file names and bytes; null for the served index.</summary>
    public string? ArticlesFingerprint { get; init; }

    /// <summary>The naive baseline run on the same items and index, shown beside this run; null when not run.</summary>
    public EvaluationReport? Baseline { get; init; }
}
