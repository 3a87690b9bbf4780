using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;
using TalksBot.Core.Text;

namespace TalksBot.Llm.Answering;

/// <summary>
/// Checks a model's reply before anyone sees it. The reply is cut into claims (sentences); a claim survives only if
/// it cites at least one passage the model was given, so a claim with no citation, or only citations of passages that
/// do not exist, is removed whole rather than shown without its bogus [n]. Surviving markers are renumbered 1..k in
/// order of first use, each tied to the passage sentence its claim rests on.
/// </summary>
internal static partial class ReplyVerifier
{
    /// <summary>Verifies a whole reply.</summary>
    public static VerifiedReply Verify(string reply, IReadOnlyList<RetrievedPassage> passages) => Verify(reply, passages, complete: true);

    /// <summary>
    /// Verifies the claims of a reply still being streamed that can no longer change: every claim but the last, which
    /// may be cut short or still gain a marker ("… hours. [2]"). Its text is a prefix of what <see cref="Verify(string, IReadOnlyList{RetrievedPassage})"/>
    /// will give for the whole reply, so it can be shown while the rest arrives.
    /// </summary>
    public static VerifiedReply VerifyCompleteClaims(string partialReply, IReadOnlyList<RetrievedPassage> passages) =>
        Verify(partialReply, passages, complete: false);

    /// <summary>Removes every [n] marker, for replaying an earlier answer whose numbers no longer apply.</summary>
    public static string StripMarkers(string text) => MarkerWithSpace().Replace(text, string.Empty).Trim();

    private static VerifiedReply Verify(string reply, IReadOnlyList<RetrievedPassage> passages, bool complete)
    {
        ArgumentNullException.ThrowIfNull(reply);
        ArgumentNullException.ThrowIfNull(passages);
        var text = reply.Trim();
        if (text.Contains(PromptBuilder.Sentinel, StringComparison.OrdinalIgnoreCase))
        {
            return new VerifiedReply(text, [], 0, IsSentinel: true);
        }

        var claims = Claims(text);
        if (!complete && claims.Count > 0)
        {
            claims.RemoveAt(claims.Count - 1);
        }

        var renumbered = new Dictionary<int, int>();
        var citations = new List<Citation>();
        var output = new StringBuilder(text.Length);
        var removed = 0;
        var previousEnd = -1;
        foreach (var claim in claims)
        {
            var valid = claim.Markers.Concat(claim.Trailing).SelectMany(Numbers).Where(n => n >= 1 && n <= passages.Count).ToList();
            if (valid.Count == 0)
            {
                removed++;
                continue;
            }

            if (previousEnd >= 0)
            {
                output.Append(Separator(text, previousEnd, claim.Sentence.Start));
            }

            AppendClaim(output, text, claim, passages, renumbered, citations);
            previousEnd = claim.Sentence.End;
        }

        return new VerifiedReply(output.ToString(), citations, removed, IsSentinel: false);
    }

    // A sentence whose words come only after its markers ("[2] The talks…") opens a claim with them, unless a claim
    // precedes it: then the markers close that claim ("… hours. [2]"), the way models often place them.
    private static List<Claim> Claims(string text)
    {
        var claims = new List<Claim>();
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var markers = Marker().Matches(text, sentence.Start).Where(m => m.Index < sentence.End).ToList();
            var leading = markers.TakeWhile(m => !HasWords(text[sentence.Start..m.Index])).ToList();
            var claimSentence = sentence;
            if (claims.Count > 0 && leading.Count > 0)
            {
                claims[^1].Trailing.AddRange(leading);
                markers = markers[leading.Count..];
                claimSentence = TextSegment.Trimmed(text, leading[^1].Index + leading[^1].Length, sentence.End);
                if (!HasWords(claimSentence.Text))
                {
                    continue;
                }
            }

            claims.Add(new Claim(claimSentence, markers, []));
        }

        return claims;
    }

    private static void AppendClaim(
        StringBuilder output, string text, Claim claim, IReadOnlyList<RetrievedPassage> passages, Dictionary<int, int> renumbered, List<Citation> citations)
    {
        var sentence = claim.Sentence;
        var copied = sentence.Start;
        foreach (var marker in claim.Markers)
        {
            var kept = Keep(marker, text, sentence, passages, renumbered, citations);
            var keepFrom = marker.Index;
            if (kept.Count == 0)
            {
                // "held in Riyadh [9] and …" becomes "held in Riyadh and …" rather than "held in Riyadh  and …".
                while (keepFrom > copied && char.IsWhiteSpace(text[keepFrom - 1]))
                {
                    keepFrom--;
                }
            }

            output.Append(text, copied, keepFrom - copied);
            AppendMarkers(output, kept);
            copied = marker.Index + marker.Length;
        }

        output.Append(text, copied, sentence.End - copied);
        var trailing = claim.Trailing.SelectMany(m => Keep(m, text, sentence, passages, renumbered, citations)).Distinct().ToList();
        if (trailing.Count > 0)
        {
            output.Append(' ');
            AppendMarkers(output, trailing);
        }
    }

    private static List<int> Keep(
        Match marker, string text, TextSegment sentence, IReadOnlyList<RetrievedPassage> passages, Dictionary<int, int> renumbered, List<Citation> citations)
    {
        var kept = new List<int>();
        foreach (var number in Numbers(marker))
        {
            if (number < 1 || number > passages.Count)
            {
                continue;
            }

            if (!renumbered.TryGetValue(number, out var shown))
            {
                shown = renumbered.Count + 1;
                renumbered[number] = shown;
                citations.Add(Cite(shown, passages[number - 1], ClaimText(text, sentence, marker.Index)));
            }

            if (!kept.Contains(shown))
            {
                kept.Add(shown);
            }
        }

        return kept;
    }

    private static void AppendMarkers(StringBuilder output, List<int> numbers)
    {
        foreach (var shown in numbers)
        {
            output.Append(CultureInfo.InvariantCulture, $"[{shown}]");
        }
    }

    // Keeps the reply's layout between surviving claims: a paragraph or list line break stays one.
    private static string Separator(string text, int previousEnd, int nextStart)
    {
        var gap = text.AsSpan(previousEnd, nextStart - previousEnd);
        return gap.Contains("\n\n", StringComparison.Ordinal) ? "\n\n" : gap.Contains('\n') ? "\n" : " ";
    }

    private static IEnumerable<int> Numbers(Match marker)
    {
        foreach (Capture capture in marker.Groups["n"].Captures)
        {
            yield return int.TryParse(capture.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        }
    }

    private static bool HasWords(string text) => WordTokenizer.Words(text).Count > 0;

    // What a marker's passage must support: its sentence up to the marker, or the whole sentence when the marker
    // opens or closes it.
    private static string ClaimText(string text, TextSegment sentence, int markerIndex)
    {
        var before = markerIndex > sentence.Start && markerIndex < sentence.End ? StripMarkers(text[sentence.Start..markerIndex]) : string.Empty;
        return HasWords(before) ? before : StripMarkers(sentence.Text);
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

    /// <param name="Markers">The markers inside <paramref name="Sentence"/>.</param>
    /// <param name="Trailing">Markers that closed this claim from the start of the next sentence ("… hours. [2]").</param>
    private sealed record Claim(TextSegment Sentence, List<Match> Markers, List<Match> Trailing);
}
