namespace TalksBot.Qdrant.Index;

/// <summary>One article as recorded in an <see cref="IndexManifest"/>: enough to list it and to tell whether it changed.</summary>
/// <param name="ContentHash">The article's content hash when indexed; equal hash means its points can be reused.</param>
public sealed record IndexedArticle(
    string Id,
    string ContentHash,
    int PassageCount,
    string Title,
    string? Url,
    DateTimeOffset? Published,
    string? Author);
