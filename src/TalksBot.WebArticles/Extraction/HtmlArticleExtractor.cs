using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TalksBot.Core.Articles;

namespace TalksBot.WebArticles.Extraction;

/// <summary>Finds an HTML page's article: its metadata and its main text without the page furniture around it.</summary>
internal static partial class HtmlArticleExtractor
{
    /// <summary>Shorter than this is a teaser, a paywall stub or an index page, not an article.</summary>
    public const int MinTextLength = 200;

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · "];

    // Far deeper than any article page; see RefuseDeepNesting.
    private const int MaxOpenElements = 1_000;

    // Elements whose end tag may be left out (a new <p> or <li> closes the last one) or that have none; a sloppy page
    // leaves thousands of these open, and the parser handles them without nesting, so they don't count as depth.
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "option", "optgroup", "rb", "rt",
        "rp", "html", "head", "body", "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    /// <param name="pageUrl">Where the page came from: resolves a relative canonical link and is the URL when the page names none.</param>
    public static ParsedArticle Extract(string html, Uri? pageUrl)
    {
        RefuseDeepNesting(html);
        using var document = Parser.ParseDocument(WithNewLineAfterPre(html));

        var jsonLd = JsonLdArticle.Find(document);
        var explicitRoot = ExplicitRoot(document);
        var title = FirstNonEmpty(jsonLd?.Headline, Meta(document, "og:title"), explicitRoot?.QuerySelector("h1")?.TextContent,
            WithoutSiteSuffix(document.Title), document.QuerySelector("h1")?.TextContent);
        var author = FirstNonEmpty(jsonLd?.Author, Meta(document, "author"), Byline(document));
        var published = ParseDate(jsonLd?.DatePublished)
            ?? ParseDate(Meta(document, "article:published_time"))
            ?? ParseDate(Meta(document, "og:published_time"))
            ?? ParseDate(Meta(document, "datePublished"))
            ?? ParseDate(document.QuerySelector("[itemprop='datePublished']")?.GetAttribute("datetime"))
            ?? ParseDate((explicitRoot ?? document.DocumentElement).QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var url = AbsoluteHttpUrl(WithRel(document, "link", "canonical")?.GetAttribute("href"), pageUrl)
            ?? AbsoluteHttpUrl(Meta(document, "og:url"), pageUrl)
            ?? pageUrl?.AbsoluteUri;

        Boilerplate.Strip(document, explicitRoot);
        var text = TextOf(explicitRoot);
        if (text.Length < MinTextLength && document.Body is { } body && ContentScorer.BestContainer(body) is { } scored)
            text = TextOf(scored);
        if (text.Length < MinTextLength)
            throw new ArticleFormatException(
                $"No article text found: the page's main text is {text.Length} characters, under the {MinTextLength} an article needs. " +
                "It may be an index page, a paywall or a page that builds its text with JavaScript.");

        return new ParsedArticle(title, url, published, author, text);
    }

    // AngleSharp's tree builder scans its stack of open elements on many tags, so its time grows with the square of the
    // nesting depth: 20,000 nested <div> took seconds, and a 5 MB page of them would hold an import for hours.
    // Counting start and end tags overestimates depth only for unclosed elements, which real pages have few of.
    private static void RefuseDeepNesting(string html)
    {
        var depth = 0;
        foreach (Match tag in Tag().Matches(html))
        {
            if (NotNesting.Contains(tag.Groups["name"].Value) || tag.Groups["self"].Success)
                continue;
            depth = tag.Groups["end"].Success ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > MaxOpenElements)
                throw new ArticleFormatException(
                    $"The page nests more than {MaxOpenElements} elements inside each other, which no article does; it is not read.");
        }
    }

    [GeneratedRegex(@"<(?<end>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(?<self>/)?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    // AngleSharp 1.10 handles a <pre> or <listing> start tag by recursing into the next token unless it is a newline, so a
    // page of thousands of back-to-back <pre> tags overflowed the stack and killed the process. HTML drops one newline
    // right after those tags, so adding it where it is missing changes no text and leaves the parser nothing to recurse on.
    private static string WithNewLineAfterPre(string html) => PreOrListingStartTag().Replace(html, "$0\n");

    [GeneratedRegex(@"<(?:pre|listing)\b[^>]*>(?![\r\n])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreOrListingStartTag();

    // The element the page itself marks as the article; with several (teaser cards, comments), the one with the most
    // text that does not sit in page furniture: comment threads and related-story rails use <article> too.
    private static IElement? ExplicitRoot(IDocument document)
    {
        foreach (var selector in new[] { "[itemprop='articleBody' i]", "article", "main, [role='main' i]" })
        {
            var best = document.QuerySelectorAll(selector)
                .Where(e => !Boilerplate.IsWithinFurniture(e))
                .MaxBy(e => e.TextContent.Length);
            if (best is not null && best.TextContent.Length >= MinTextLength)
                return best;
        }
        return null;
    }

    private static string TextOf(IElement? element) => element is null ? "" : BlockTextWriter.Write(element);

    private static string? Meta(IDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is { } content)
                return content;
        }
        return null;
    }

    private static IElement? WithRel(IDocument document, string tag, string rel) =>
        document.QuerySelectorAll(tag).FirstOrDefault(e =>
            (e.GetAttribute("rel") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(rel, StringComparer.OrdinalIgnoreCase));

    private static string? Byline(IDocument document)
    {
        var byline = Clean((WithRel(document, "a", "author") ?? document.QuerySelector(".byline, [itemprop='author' i]"))?.TextContent);
        if (byline is null)
            return null;
        return byline.StartsWith("by ", StringComparison.OrdinalIgnoreCase) ? Clean(byline[3..]) : byline;
    }

    // "Talks begin in Riyadh | Example News" -> "Talks begin in Riyadh": the part after the last separator names the site.
    private static string? WithoutSiteSuffix(string? title)
    {
        var cleaned = Clean(title);
        if (cleaned is null)
            return null;
        foreach (var separator in TitleSeparators)
        {
            var at = cleaned.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
                return cleaned[..at].Trim();
        }
        return cleaned;
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    private static string? AbsoluteHttpUrl(string? href, Uri? pageUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
            return null;
        // On Unix "/news/a" parses as an absolute file: URI, so resolve against the page first when there is one.
        var resolved = pageUrl is not null ? Uri.TryCreate(pageUrl, href.Trim(), out var url) : Uri.TryCreate(href.Trim(), UriKind.Absolute, out url);
        return resolved && url!.Scheme is "http" or "https" ? url.AbsoluteUri : null;
    }

    private static string? FirstNonEmpty(params string?[] values) => values.Select(Clean).FirstOrDefault(v => v is not null);

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        return string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
