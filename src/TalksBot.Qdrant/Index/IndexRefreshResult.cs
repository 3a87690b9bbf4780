namespace TalksBot.Qdrant.Index;

/// <summary>A successful refresh: the build, what changed against the index served before, and how much work was saved.</summary>
/// <param name="PassagesEmbedded">Passages of added or changed articles (all of them when the fingerprint changed).</param>
/// <param name="PassagesCopied">Points of unchanged articles copied from the served collection with their vectors.</param>
public sealed record IndexRefreshResult(IndexBuildResult Build, RefreshPlan Plan, int PassagesEmbedded, int PassagesCopied);
