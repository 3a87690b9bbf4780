namespace TalksBot.Qdrant.Index;

/// <summary>The outcome of a successful build: what is served now, what it replaced (kept for rollback) and what was cleaned up.</summary>
public sealed record IndexBuildResult(
    IndexManifest Manifest,
    string? PreviousCollection,
    IReadOnlyList<string> DeletedCollections,
    TimeSpan Elapsed);
