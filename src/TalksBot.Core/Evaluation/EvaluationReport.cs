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
    IReadOnlyList<ItemResult> Results);
