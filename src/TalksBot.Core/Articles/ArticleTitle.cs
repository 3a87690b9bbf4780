using TalksBot.Core.Text;

namespace TalksBot.Core.Articles;

/// <summary>Derives a title for an article that does not state one.</summary>
public static class ArticleTitle
{
    /// <summary>Titles longer than this are cut at a word boundary and end with an ellipsis.</summary>
    public const int MaxLength = 90;

    /// <summary>
    /// The leading heading line (a Markdown <c># </c> heading, or a short first line without sentence-final
    /// punctuation followed by more text); otherwise the opening sentence, shortened to <see cref="MaxLength"/>.
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
        return sentences.Count == 0 ? string.Empty : Shorten(sentences[0].Text);
    }

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
