namespace TalksBot.WebArticles.Importing;

/// <summary>An article written to the article folder.</summary>
/// <param name="Id">The new file name without extension, e.g. <c>004_1f2e3d4c5b6a7988</c>.</param>
/// <param name="Path">The Markdown file written.</param>
/// <param name="Title">Null when neither the page nor the file named one; the loader then derives it from the text.</param>
public sealed record ImportedArticle(string Id, string Path, string? Title, string? Url);
