using System.Net;
using System.Text.Json;
using AngleSharp.Dom;

namespace TalksBot.WebArticles.Extraction;

/// <summary>The article metadata a page declares in schema.org JSON-LD, the most reliable source when present.</summary>
internal sealed record JsonLdArticle(string? Headline, string? Author, string? DatePublished)
{
    public static JsonLdArticle? Find(IDocument document)
    {
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (FindArticle(json.RootElement, depth: 0) is { } article)
                    return article;
            }
            catch (Exception e) when (e is JsonException or ArgumentException)
            {
                // Broken JSON-LD is common on real pages; the meta tags and markup still describe the article.
                // ArgumentException: JsonDocument refuses text holding a lone UTF-16 surrogate, which is just as broken.
            }
        }
        return null;
    }

    private static JsonLdArticle? FindArticle(JsonElement element, int depth)
    {
        if (depth > 4)
            return null;
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                if (FindArticle(item, depth + 1) is { } found)
                    return found;
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        if (IsArticleType(element))
            return new JsonLdArticle(StringOf(element, "headline") ?? StringOf(element, "name"), AuthorsOf(element), StringOf(element, "datePublished"));
        return element.TryGetProperty("@graph", out var graph) ? FindArticle(graph, depth + 1) : null;
    }

    private static bool IsArticleType(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
            return false;
        return type.ValueKind switch
        {
            JsonValueKind.String => IsArticleTypeName(type.GetString()),
            JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && IsArticleTypeName(t.GetString())),
            _ => false,
        };
    }

    // NewsArticle, Article, ReportageNewsArticle, AnalysisNewsArticle, BlogPosting... all end this way.
    private static bool IsArticleTypeName(string? name) =>
        name is not null && (name.EndsWith("Article", StringComparison.Ordinal) || name.EndsWith("Posting", StringComparison.Ordinal));

    private static string? AuthorsOf(JsonElement article)
    {
        if (!article.TryGetProperty("author", out var author))
            return null;
        var names = (author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : [author])
            .Select(a => a.ValueKind switch
            {
                JsonValueKind.String => a.GetString(),
                JsonValueKind.Object => StringOf(a, "name"),
                _ => null,
            })
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => n!.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            // Some CMSs HTML-encode JSON-LD strings ("Talks &amp; truce").
            ? WebUtility.HtmlDecode(value.GetString()!).Trim()
            : null;
}
