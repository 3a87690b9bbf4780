using AngleSharp.Dom;

namespace TalksBot.WebArticles.Extraction;

/// <summary>
/// Picks the element holding the article on pages without semantic markup, the way Readability does:
/// paragraphs score their parent and grandparent by length and commas, and link-heavy containers lose their score.
/// </summary>
internal static class ContentScorer
{
    private const int MinParagraphLength = 25;
    private const string BlockSelector = "p, div, section, article, table, ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6";

    private static readonly HashSet<string> PositiveWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "body", "content", "entry", "main", "page", "post", "text", "story",
    };

    public static IElement? BestContainer(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var paragraph in body.QuerySelectorAll("p, pre, td, blockquote, li, div"))
        {
            // A div with only inline content is a paragraph written without <p>, common in older templates.
            if (paragraph.LocalName == "div" && paragraph.QuerySelector(BlockSelector) is not null)
                continue;
            var text = Normalise(paragraph.TextContent);
            if (text.Length < MinParagraphLength)
                continue;
            var score = 1 + text.Count(c => c == ',') + Math.Min(text.Length / 100.0, 3);
            AddScore(scores, paragraph.ParentElement, score);
            AddScore(scores, paragraph.ParentElement?.ParentElement, score / 2);
        }

        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (element, score) in scores)
        {
            var final = (score + ClassWeight(element)) * (1 - LinkDensity(element));
            if (final > bestScore)
                (best, bestScore) = (element, final);
        }
        return best;
    }

    public static double LinkDensity(IElement element)
    {
        var textLength = Normalise(element.TextContent).Length;
        if (textLength == 0)
            return 1;
        var linkLength = element.QuerySelectorAll("a").Sum(a => Normalise(a.TextContent).Length);
        return Math.Min(1, (double)linkLength / textLength);
    }

    private static void AddScore(Dictionary<IElement, double> scores, IElement? element, double score)
    {
        if (element is null || element.LocalName is "body" or "html")
            return;
        scores[element] = scores.GetValueOrDefault(element) + score;
    }

    private static double ClassWeight(IElement element)
    {
        var parts = $"{element.ClassName} {element.Id}".Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries);
        return parts.Any(PositiveWords.Contains) ? 25 : 0;
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
