namespace TalksBot.Qdrant.Index;

/// <summary>
/// How a new article set differs from the served manifest. An article is reused (its points copied, not re-embedded) only
/// when the id and content hash match and the served index was built under the same fingerprint and payload schema.
/// </summary>
public sealed record RefreshPlan(
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Changed,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Unchanged,
    IReadOnlySet<string> Reused)
{
    public static RefreshPlan Create(IReadOnlyList<ArticlePassages> articles, IndexManifest? serving, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var served = serving?.Articles.ToDictionary(a => a.Id, a => a.ContentHash, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var compatible = serving is not null
            && string.Equals(serving.Fingerprint, fingerprint, StringComparison.Ordinal)
            && serving.SchemaVersion == Store.PassagePayload.CurrentSchemaVersion;
        List<string> added = [], changed = [], unchanged = [];
        foreach (var entry in articles)
        {
            var id = entry.Article.Id;
            if (!served.TryGetValue(id, out var hash))
                added.Add(id);
            else if (string.Equals(hash, entry.Article.ContentHash, StringComparison.Ordinal))
                unchanged.Add(id);
            else
                changed.Add(id);
        }

        var present = articles.Select(a => a.Article.Id).ToHashSet(StringComparer.Ordinal);
        var removed = served.Keys.Where(id => !present.Contains(id)).Order(StringComparer.Ordinal).ToArray();
        var reused = compatible ? unchanged.ToHashSet(StringComparer.Ordinal) : [];
        return new RefreshPlan(added, changed, removed, unchanged, reused);
    }
}
