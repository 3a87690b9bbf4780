namespace TalksBot.Core.Articles;

/// <summary>Who published an article, as a reader recognises it: the site its link points to.</summary>
public static class ArticleOutlet
{
    /// <summary>The host of <paramref name="url"/> without <c>www.</c> (<c>washingtonpost.com</c>); null without a usable link.</summary>
    public static string? FromUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host
            : null;
}
