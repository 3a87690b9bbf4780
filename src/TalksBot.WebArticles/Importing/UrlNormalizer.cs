namespace TalksBot.WebArticles.Importing;

/// <summary>
/// Reduces the many spellings of one article's address to one, so a re-shared link is recognised:
/// lower-case scheme and host, no default port, no fragment, no trailing slash, no utm_* tracking parameters.
/// </summary>
internal static class UrlNormalizer
{
    public static string? Normalize(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? Normalize(uri) : null;

    public static string Normalize(Uri url)
    {
        var query = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var path = url.AbsolutePath.TrimEnd('/');
        var port = url.IsDefaultPort ? "" : $":{url.Port}";
        var normalized = $"{url.Scheme.ToLowerInvariant()}://{url.IdnHost.ToLowerInvariant()}{port}{path}";
        return query.Count == 0 ? normalized : $"{normalized}?{string.Join('&', query)}";
    }
}
