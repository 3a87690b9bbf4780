namespace TalksBot.Core.Articles;

/// <summary>What a file format yields before the loader assigns the id, hash and fallbacks.</summary>
/// <param name="Title">Null when the format found none; the loader then derives one from the body.</param>
/// <param name="Body">The article text without front matter or metadata lines.</param>
public sealed record ParsedArticle(string? Title, string? Url, DateTimeOffset? Published, string? Author, string Body);
