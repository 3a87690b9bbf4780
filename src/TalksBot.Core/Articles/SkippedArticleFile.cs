namespace TalksBot.Core.Articles;

/// <summary>A file the loader could not use, and what to fix.</summary>
public sealed record SkippedArticleFile(string Path, string Reason);
