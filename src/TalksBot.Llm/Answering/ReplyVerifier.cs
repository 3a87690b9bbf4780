using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;
using TalksBot.Core.Text;

namespace TalksBot.Llm.Answering;

/// <summary>
/// Checks a model's reply before anyone sees it: keeps only [n] markers naming a retrieved passage, renumbers them
/// 1..k in order of first use, and ties each to the passage sentence the claim before it rests on.
/// </summary>
internal static partial class ReplyVerifier
{
    public static VerifiedReply Verify(string reply, IReadOnlyList<RetrievedPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(passages);
        var text = reply.Trim();
        if (text.Contains(PromptBuilder.Sentinel, StringComparison.OrdinalIgnoreCase))
        {
            return new VerifiedReply(text, [], 0, IsSentinel: true);
        }

        var sentences = SentenceSplitter.Split(text);
        var renumbered = new Dictionary<int, int>();
        var citations = new List<Citation>();
        var removed = 0;
        var output = new StringBuilder(text.Length);
        var copied = 0;
        foreach (Match marker in Marker().Matches(text))
        {
            var kept = new List<int>();
            foreach (var number in Numbers(marker))
            {
                if (number < 1 || number > passages.Count)
                {
                    removed++;
                    continue;
                }

                if (!renumbered.TryGetValue(number, out var shown))
                {
                    shown = renumbered.Count + 1;
                    renumbered[number] = shown;
                    citations.Add(Cite(shown, passages[number - 1], Claim(text, sentences, marker.Index)));
                }

                if (!kept.Contains(shown))
                {
                    kept.Add(shown);
                }
            }

            var keepFrom = marker.Index;
            if (kept.Count == 0)
            {
                // "held in Riyadh [9]." becomes "held in Riyadh." rather than "held in Riyadh ."
                while (keepFrom > copied && char.IsWhiteSpace(text[keepFrom - 1]))
                {
                    keepFrom--;
                }
            }

            output.Append(text, copied, keepFrom - copied);
            foreach (var shown in kept)
            {
                output.Append(CultureInfo.InvariantCulture, $"[{shown}]");
            }

            copied = marker.Index + marker.Length;
        }

        output.Append(text, copied, text.Length - copied);
        return new VerifiedReply(output.ToString().Trim(), citations, removed, IsSentinel: false);
    }

    /// <summary>Removes every [n] marker, for replaying an earlier answer whose numbers no longer apply.</summary>
    public static string StripMarkers(string text) => MarkerWithSpace().Replace(text, string.Empty).Trim();

    private static IEnumerable<int> Numbers(Match marker)
    {
        foreach (Capture capture in marker.Groups["n"].Captures)
        {
            yield return int.TryParse(capture.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        }
    }

    // The claim is the reply sentence holding the marker, up to the marker.
    private static string Claim(string text, IReadOnlyList<TextSegment> sentences, int markerIndex)
    {
        for (var i = 0; i < sentences.Count; i++)
        {
            var sentence = sentences[i];
            if (markerIndex < sentence.Start || markerIndex >= sentence.End)
            {
                continue;
            }

            var claim = StripMarkers(text[sentence.Start..markerIndex]);
            if (WordTokenizer.Words(claim).Count > 0)
            {
                return claim;
            }

            // Nothing before the marker: it closes the previous sentence, or (first in the reply, "[1] The talks...") opens its own.
            return StripMarkers(i > 0 ? sentences[i - 1].Text : sentence.Text);
        }

        return StripMarkers(text[..markerIndex]);
    }

    private static Citation Cite(int number, RetrievedPassage retrieved, string claim)
    {
        var passage = retrieved.Passage;
        var quote = QuoteSelector.Best(passage.Text, claim);
        return new Citation(
            number,
            passage.ArticleId,
            retrieved.Article.Title,
            retrieved.Article.Url,
            retrieved.Article.Published,
            passage.Id,
            quote.Text,
            passage.Start + quote.Start,
            passage.Start + quote.End);
    }

    // [1], [1, 2], [1][2], [Passage 3]: the forms models use for "cite as [n]".
    [GeneratedRegex(@"\[\s*(?:passages?\s*)?(?<n>\d{1,4})(?:\s*[,;]\s*(?:passages?\s*)?(?<n>\d{1,4}))*\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s*\[\s*(?:passages?\s*)?\d{1,4}(?:\s*[,;]\s*(?:passages?\s*)?\d{1,4})*\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerWithSpace();
}
