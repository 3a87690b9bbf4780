namespace TalksBot.WebArticles.Fetching;

/// <param name="Url">Where the page was finally read, after redirects.</param>
internal sealed record FetchedPage(Uri Url, string Html, string ContentType);
