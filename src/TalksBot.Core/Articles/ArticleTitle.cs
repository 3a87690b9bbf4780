using TalksBot.Core.Text;

namespace TalksBot.Core.Articles;

/// <summary>Derives a title for an article that does not state one.</summary>
public static partial class ArticleTitle
{
    /// <summary>Titles longer than this are cut at a word boundary and end with an ellipsis.</summary>
    public const int MaxLength = 90;

    /// <summary>
    /// The leading heading line (a Markdown <c># </c> heading, or a short first line without sentence-final
    /// punctuation followed by more text); otherwise the main clause of the opening sentence, shortened to
    /// <see cref="MaxLength"/>.
    /// </summary>
    public static string Derive(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = body.Trim();
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        var firstLine = (newline < 0 ? text : text[..newline]).Trim();
        if (firstLine.StartsWith('#'))
        {
            var heading = firstLine.TrimStart('#');
            if (heading.Length > 0 && char.IsWhiteSpace(heading[0]) && heading.Trim().Length > 0)
            {
                return Shorten(heading.Trim());
            }
        }

        if (newline >= 0 && TextBlockParser.IsHeadingLike(firstLine))
        {
            return Shorten(firstLine);
        }

        var sentences = SentenceSplitter.Split(text);
        return sentences.Count == 0 ? string.Empty : Shorten(Headline(sentences[0].Text));
    }

    // News ledes open with when and how ("On February 18, 2025, officials ... met for talks aimed at ..."): a reader
    // recognises the story by its main clause, so the opening adverbial phrase goes, and the clause stops where a
    // purpose, relative or participle clause begins. Only when enough is left to read as a headline.
    private static string Headline(string sentence)
    {
        var text = sentence.Trim().TrimEnd('.', '!', '?');
        if (OpeningPhrase().Match(text) is { Success: true } opening && text.Length - opening.Length >= MinHeadline)
            text = text[opening.Length..];
        if (text.Length > MinHeadline && ClauseBoundary().Match(text, MinHeadline) is { Success: true } boundary)
            text = text[..boundary.Index];
        // A main clause still too long for a title loses its trailing prepositional phrases, as a headline writer cuts
        // "... their first talks concerning the war in Ukraine": a whole phrase reads better than one cut mid-word.
        if (text.Length > MaxLength && PhraseBoundaries().Matches(text).LastOrDefault(m => m.Index is >= MinHeadline and <= MaxLength) is { } phrase)
            text = text[..phrase.Index];
        return text.Length == 0 ? sentence : char.ToUpperInvariant(text[0]) + text[1..];
    }

    // Below this a cut leaves a fragment, not a headline.
    private const int MinHeadline = 30;

    // A leading prepositional phrase up to the comma that ends it: "On February 18, 2025, " (a comma before a digit is
    // inside a date), "In a surprising development, ", "Amid rising tension, ".
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:On|In|At|During|After|Before|Amid|Following|Since|Last|This|Earlier|Later)\b[^,]{0,60}?(?:,\s*\d[^,]{0,10})?,\s+", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OpeningPhrase();

    [System.Text.RegularExpressions.GeneratedRegex(@",\s|\s(?:aimed|which|who|that|to|in order|as|amid|following|while|after|before|marking|seeking|hoping)\s", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ClauseBoundary();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s(?:concerning|regarding|about|over|on|with|for|in|of|at|between|during|against)\s", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PhraseBoundaries();

    private static string Shorten(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength - 1);
        var head = (cut > MaxLength / 2 ? text[..cut] : text[..(MaxLength - 1)]).TrimEnd(' ', ',', ';', ':', '—', '–', '-');
        return head + "…";
    }
}
