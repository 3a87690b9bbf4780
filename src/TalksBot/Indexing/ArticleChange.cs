namespace TalksBot.Indexing;

/// <summary>An article added to or removed from the folder; <see cref="Refresh"/> is set when a refresh followed it.</summary>
internal sealed record ArticleChange(string Id, string Path, string? Title, string? Url, RefreshSummary? Refresh);
