using TalksBot.Core.Articles;

namespace TalksBot.Indexing;

/// <summary>What a refresh did, article by article, and how long it took.</summary>
/// <param name="Rebuilt">False when the served index already matched the folder, so no new version was built.</param>
/// <param name="PassagesEmbedded">Passages embedded anew; the rest were copied from the previous version.</param>
internal sealed record RefreshSummary(
    string Actor,
    string Collection,
    string? PreviousCollection,
    bool Rebuilt,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Unchanged,
    int ArticleCount,
    int PassageCount,
    int PassagesEmbedded,
    int PassagesCopied,
    IReadOnlyList<SkippedArticleFile> Skipped,
    TimeSpan Elapsed)
{
    public string Describe() =>
        $"{ArticleCount} articles ({Added.Count} added, {Changed.Count} changed, {Removed.Count} removed, {Unchanged.Count} unchanged), " +
        $"{PassageCount} passages ({PassagesEmbedded} embedded, {PassagesCopied} copied) in {Elapsed.TotalSeconds:0.0} s";
}
