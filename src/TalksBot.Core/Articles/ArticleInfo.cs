namespace TalksBot.Core.Articles;

/// <summary>What a citation needs to know about an article: stored with every passage in the index.</summary>
/// <param name="Id">The file name without extension, e.g. <c>003_0e4da796d2592ec8</c>; stable across re-ingests.</param>
/// <param name="Title">From front matter, a leading heading line, or the opening sentence.</param>
/// <param name="Url">The source link, when the article names one.</param>
/// <param name="Published">The publish date, when the article names one.</param>
/// <param name="Author">The byline, when the article names one.</param>
public sealed record ArticleInfo(string Id, string Title, string? Url, DateTimeOffset? Published, string? Author);
