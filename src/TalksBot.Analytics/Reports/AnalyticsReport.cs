namespace TalksBot.Analytics.Reports;

/// <summary>
/// What moderators see in <c>stats</c>: volume, outcome, feedback, latency, what is cited and what is missing.
/// Holds no user ids or hashes, by construction.
/// </summary>
/// <param name="Since">Only questions asked at or after this instant; null for all time.</param>
/// <param name="FeedbackUp">Votes on the questions in the window (a user's latest vote counts once).</param>
/// <param name="LatencyP50">Nearest-rank median; null when no questions were asked.</param>
/// <param name="MostCited">Articles by how many answers cited them, most first.</param>
/// <param name="Gaps">Unanswered or down-voted questions grouped by similarity, largest group first.</param>
public sealed record AnalyticsReport(
    DateTimeOffset? Since,
    DateTimeOffset GeneratedAt,
    int Asked,
    int Answered,
    int Abstained,
    int FeedbackUp,
    int FeedbackDown,
    TimeSpan? LatencyP50,
    TimeSpan? LatencyP95,
    IReadOnlyList<CitedArticle> MostCited,
    IReadOnlyList<CoverageGap> Gaps);
