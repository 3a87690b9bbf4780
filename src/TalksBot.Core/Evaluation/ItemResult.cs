namespace TalksBot.Core.Evaluation;

/// <summary>How one suite question was answered and scored.</summary>
/// <param name="Answer">The reply text, or the error message when asking threw.</param>
/// <param name="Answerer">Which answerer replied; empty when asking threw.</param>
/// <param name="Correct">The answer rules held (see <see cref="ItemScorer"/>).</param>
/// <param name="CitationCorrect">The citation rules held.</param>
/// <param name="Failures">Why it is wrong; empty when both <paramref name="Correct"/> and <paramref name="CitationCorrect"/>.</param>
/// <param name="Latency">As measured by the ask service; for a failed ask, the time until it threw.</param>
/// <param name="Retrieved">Articles retrieval returned, best first, each at the 1-based rank of its first passage.</param>
/// <param name="FirstRelevantRank">1-based rank of the first retrieved passage from an expected source; null when none was retrieved.</param>
/// <param name="Error">The exception message when asking threw.</param>
/// <param name="Confidence">The answerer's confidence (0–1) when it gave one; the coverage curve reads it.</param>
public sealed record ItemResult(
    QaItem Item,
    string Answer,
    bool Abstained,
    IReadOnlyList<CitedPassage> Citations,
    string Answerer,
    bool Correct,
    bool CitationCorrect,
    IReadOnlyList<FailureReason> Failures,
    TimeSpan Latency,
    IReadOnlyList<RetrievedArticle> Retrieved,
    int? FirstRelevantRank,
    string? Error = null,
    double? Confidence = null)
{
    /// <summary>True when the item belongs in the failure table.</summary>
    public bool Failed => Failures.Count > 0;
}
