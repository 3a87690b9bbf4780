namespace TalksBot.Core.Articles;

/// <summary>The result of loading an article folder: what loaded, and what was skipped and why.</summary>
public sealed record ArticleSet(IReadOnlyList<Article> Articles, IReadOnlyList<SkippedArticleFile> Skipped);
