using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;

namespace TalksBot.Discord.Replies;

/// <summary>Turns answers and article lists into Discord messages within its limits (2000 characters of content each).</summary>
internal static partial class ReplyFormatter
{
    public const int MaxContent = 2000;
    private const int MaxQuote = 300;

    public const string DefaultAbstention = "The articles I have don't cover that, so I can't answer it.";

    public static IReadOnlyList<OutgoingMessage> FormatAnswer(Answer answer, Guid questionId)
    {
        var pieces = new List<string>();
        var text = answer.Abstained && string.IsNullOrWhiteSpace(answer.Text) ? DefaultAbstention : answer.Text;
        pieces.AddRange(Sentences(Defang(text.Trim())));
        if (!answer.Abstained && answer.Citations.Count > 0)
        {
            pieces.Add("\n\n**Sources**");
            pieces.AddRange(answer.Citations.OrderBy(c => c.Number).Select(c => "\n" + FormatCitation(c, answer.Text)));
        }

        if (!string.IsNullOrWhiteSpace(answer.Notice))
        {
            // "-# " renders as Discord's small subtext.
            pieces.Add("\n-# " + Defang(OneLine(answer.Notice)));
        }

        var chunks = Pack(pieces);
        return [.. chunks.Select((chunk, i) => new OutgoingMessage(chunk, i == chunks.Count - 1 ? FeedbackButtons.For(questionId) : null))];
    }

    public static IReadOnlyList<OutgoingMessage> FormatSources(IReadOnlyList<ArticleInfo> articles)
    {
        if (articles.Count == 0)
        {
            return [new OutgoingMessage("No articles are loaded yet.")];
        }

        var pieces = new List<string> { $"**Articles I answer from** ({articles.Count})" };
        pieces.AddRange(articles.Select((a, i) => $"\n{i + 1}. {Link(a.Title, a.Url)}{DateSuffix(a.Published)}"));
        return [.. Pack(pieces).Select(chunk => new OutgoingMessage(chunk))];
    }

    /// <summary>Splits any text into messages at sentence boundaries.</summary>
    public static IReadOnlyList<string> Split(string text) => Pack(Sentences(text));

    /// <summary>A visual guard on top of allowed_mentions: @everyone, @here and &lt;@id&gt; no longer look like mentions.</summary>
    public static string Defang(string text) =>
        EveryoneOrHere().Replace(text, "@\u200b$1").Replace("<@", "<@\u200b", StringComparison.Ordinal);

    private static string FormatCitation(Citation citation, string answerText)
    {
        // A quote that repeats the answer word for word only doubles the message.
        var quote = citation.Repeats(answerText) ? "" : OneLine(citation.Quote);
        if (quote.Length > MaxQuote)
        {
            quote = quote[..CutAt(quote, MaxQuote - 1)].TrimEnd() + "…";
        }

        var outlet = ArticleOutlet.FromUrl(citation.Url) is { } site ? " · " + site : "";
        var line = $"**[{citation.Number}]** {Link(citation.Title, citation.Url)}{outlet}{DateSuffix(citation.Published)}";
        return quote.Length == 0 ? line : $"{line}\n> {Defang(quote)}";
    }

    // [title](<url>) makes a link without an embed preview; brackets in a title would break the markdown.
    private static string Link(string title, string? url)
    {
        var safeTitle = Defang(OneLine(title)).Replace('[', '(').Replace(']', ')');
        if (safeTitle.Length > 200)
        {
            safeTitle = safeTitle[..CutAt(safeTitle, 199)] + "…";
        }

        return url is not null
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && !url.Any(c => c is '>' or '<' || char.IsWhiteSpace(c))
            ? $"[{safeTitle}](<{url}>)"
            : safeTitle;
    }

    private static string DateSuffix(DateTimeOffset? published) =>
        published is { } date ? " · " + date.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : "";

    private static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    private static IEnumerable<string> Sentences(string text) =>
        SentenceOrRest().Matches(text).Select(m => m.Value).Where(s => s.Length > 0);

    private static List<string> Pack(IEnumerable<string> pieces)
    {
        var chunks = new List<string>();
        var current = new StringBuilder();
        foreach (var piece in pieces)
        {
            foreach (var part in HardSplit(piece))
            {
                if (current.Length + part.Length > MaxContent)
                {
                    Flush(current, chunks);
                    current.Append(part.TrimStart());
                }
                else
                {
                    current.Append(part);
                }
            }
        }

        Flush(current, chunks);
        return chunks;
    }

    private static void Flush(StringBuilder current, List<string> chunks)
    {
        var text = current.ToString().Trim();
        if (text.Length > 0)
        {
            chunks.Add(text);
        }

        current.Clear();
    }

    // A single sentence longer than a message is cut at the last space that fits.
    private static IEnumerable<string> HardSplit(string piece)
    {
        while (piece.Length > MaxContent)
        {
            var cut = piece.LastIndexOf(' ', MaxContent - 1);
            cut = cut <= 0 ? CutAt(piece, MaxContent) : cut;
            yield return piece[..cut];
            piece = piece[cut..];
        }

        yield return piece;
    }

    // Never cut between the halves of a surrogate pair (emoji).
    private static int CutAt(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) ? index - 1 : index;

    [GeneratedRegex(@"@(everyone|here)", RegexOptions.IgnoreCase)]
    private static partial Regex EveryoneOrHere();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\S.*?(?:[.!?…]+[""'’”)\]]*(?=\s|$)|$)\s*", RegexOptions.Singleline)]
    private static partial Regex SentenceOrRest();
}
