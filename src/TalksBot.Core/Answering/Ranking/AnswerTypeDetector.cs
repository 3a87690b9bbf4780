using System.Text.RegularExpressions;

namespace TalksBot.Core.Answering.Ranking;

/// <summary>
/// Finds where a sentence holds the kind of thing a question asks for. English patterns only, true of any article:
/// dates in any era ("1066", "the 880s", "the 10th century", "300 BC", "February 18"), numbers, reasons, capitalised
/// names and places after a locative preposition.
/// </summary>
internal static partial class AnswerTypeDetector
{
    /// <summary>The spans of <paramref name="text"/> that are of <paramref name="type"/>, in order.</summary>
    public static IReadOnlyList<(int Start, int End)> Find(AnswerType type, string text) => type switch
    {
        AnswerType.Date => Spans(DatePattern(), text),
        AnswerType.Number => Spans(NumberPattern(), text),
        AnswerType.Reason => Spans(ReasonPattern(), text),
        AnswerType.Place => Places(text),
        // A name after "in", "at", "from" is where, not who.
        AnswerType.Name => NamesThatAreNoPlaces(text),
        _ => [],
    };

    /// <summary>The text of each span of <paramref name="type"/> in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Values(AnswerType type, string text) => Find(type, text).Select(s => text[s.Start..s.End]);

    private static List<(int, int)> Spans(Regex pattern, string text, string? group = null) =>
        [.. pattern.Matches(text).Select(m => group is null ? (m.Index, m.Index + m.Length) : (m.Groups[group].Index, m.Groups[group].Index + m.Groups[group].Length))];

    /// <summary>
    /// The names in <paramref name="text"/> that English marks as people: after a title or role ("Foreign Minister
    /// Sergey Lavrov", "envoy Steve Witkoff", "Dr. Smith") or before a verb of saying or doing ("Peskov noted", "Wright
    /// designed"). A place or a war has neither, so this tells a who-answer from a where-sentence.
    /// </summary>
    public static IEnumerable<string> People(string text)
    {
        foreach (var (start, end) in NamesThatAreNoPlaces(text))
        {
            var name = text[start..end];
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var before = PreviousWord().Match(text[..start]);
            var after = NextWord().Match(text, end);
            if (words.Any(w => Titles.Contains(w.TrimEnd('.').ToLowerInvariant()))
                || before.Success && Titles.Contains(before.Groups["word"].Value.TrimEnd('.').ToLowerInvariant())
                || after.Success && after.Index == end && PersonVerbs.Contains(after.Groups["word"].Value))
                yield return name;
        }
    }

    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "saint", "st", "president", "vice", "minister", "secretary",
        "advisor", "adviser", "envoy", "spokesperson", "spokesman", "spokeswoman", "ceo", "chairman", "chairwoman", "chair",
        "director", "ambassador", "senator", "governor", "chancellor", "king", "queen", "prince", "princess", "emperor",
        "empress", "duke", "duchess", "pope", "bishop", "archbishop", "cardinal", "general", "colonel", "captain",
        "admiral", "commander", "sergeant", "lieutenant", "professor", "mayor", "judge", "justice", "premier", "aide",
        "deputy", "chief", "leader", "founder", "author", "writer", "poet", "painter", "composer", "architect", "scientist",
        "inventor", "physicist", "chemist", "philosopher", "economist", "historian", "journalist", "reporter", "editor",
        "coach", "player", "singer", "actor", "actress", "diplomat", "official", "officials", "representative", "negotiator",
    };

    private static readonly HashSet<string> PersonVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "stated", "states", "noted", "notes", "told", "tells", "remarked", "added", "argued",
        "claimed", "emphasized", "emphasised", "announced", "wrote", "writes", "explained", "warned", "insisted",
        "declared", "asked", "replied", "urged", "suggested", "believed", "led", "leads", "founded", "invented", "designed",
        "discovered", "composed", "painted", "married", "died", "became", "met", "visited", "signed", "ordered", "ruled",
        "proposed", "described", "called", "who", "himself", "herself",
    };

    // A capitalised word after "in", "at", "from" ... unless it is a nationality adjective before its noun ("in European
    // capitals", "from Russian officials"): those are spelt -ian, -ean, -can, -ese or -ish and followed by a lowercase word
    // that is no function word ("in Milan and", "the Caribbean in" stay places). "In June" is when, not where.
    private static List<(int, int)> Places(string text) =>
        [.. PlacePattern().Matches(text).Select(m => m.Groups["name"])
            .Where(g => !Calendar().IsMatch(g.Value) && !(Demonym().IsMatch(g.Value) && FollowedByNoun(text, g.Index + g.Length)))
            .Select(g => (g.Index, g.Index + g.Length))];

    private static List<(int, int)> NamesThatAreNoPlaces(string text)
    {
        var places = Places(text).Select(p => p.Item1).ToHashSet();
        return [.. Names(text).Where(n => !places.Contains(n.Item1))];
    }

    private static bool FollowedByNoun(string text, int end)
    {
        var next = NextWord().Match(text, end);
        return next.Success && next.Index == end && !FunctionWords.Contains(next.Groups["word"].Value);
    }

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "nor", "on", "in", "at", "to", "for", "with", "by", "of", "from", "during", "after", "before",
        "since", "until", "when", "where", "which", "that", "who", "whose", "as", "is", "was", "were", "are", "be", "been",
        "has", "had", "have", "will", "would", "could", "should", "can", "may", "might", "must", "did", "does", "do", "than",
        "then", "while", "if", "because", "so", "yet", "near", "into", "through", "over", "under", "between", "against",
    };

    // Runs of capitalised words ("Marco Rubio", "Saudi Arabia", "the World Bank"): a capitalised word that opens the
    // sentence counts only when the next word is capitalised too, since every sentence opens with a capital.
    private static List<(int, int)> Names(string text)
    {
        var spans = new List<(int, int)>();
        foreach (Match m in NamePattern().Matches(text))
        {
            var atStart = text.AsSpan(0, m.Index).Trim().Length == 0 || text.AsSpan(0, m.Index).TrimEnd() is [.., '.' or '"' or '“' or ':'];
            var value = EndsSentence(m.Value) ? m.Value[..^1] : m.Value;
            var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (atStart && words.Length == 1 || Calendar().IsMatch(value) && words.Length == 1)
                continue;
            // A name in the possessive modifies the noun after it ("Russia’s representatives"): it names whose, not who.
            if (value.EndsWith("'s", StringComparison.Ordinal) || value.EndsWith("’s", StringComparison.Ordinal))
                continue;
            spans.Add((m.Index, m.Index + value.Length));
        }

        return spans;
    }

    // The full stop that ends the sentence is no part of the name ("... by Marco Rubio."); an abbreviation's is ("U.S.").
    private static bool EndsSentence(string name)
    {
        var last = name[(name.LastIndexOf(' ') + 1)..];
        return last.Length > 1 && last[^1] == '.' && !last[..^1].Contains('.', StringComparison.Ordinal);
    }

    // Month and day names count only capitalised ("may" is a verb), and "May" only with a day or a year ("May" is a name too).
    [GeneratedRegex(@"\b(?:(?-i:January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{3,4})?|(?-i:May)(?:\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{3,4})?|,?\s+\d{3,4})|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?-i:January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+\d{3,4})?|(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\d{1,4}\s*(?:BC|BCE|AD|CE|B\.C\.|A\.D\.)|(?:AD|A\.D\.)\s*\d{1,4}|(?:1[0-9]|20)\d{2}s?|\d{2,3}0s|'\d0s|(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+(?:century|centuries|millennium)|(?:in|since|by|until|from|of|around|circa|c\.)\s+\d{3,4}\b|\d{1,2}:\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?|(?:yesterday|today|tomorrow|tonight|last\s+(?:week|month|year)|next\s+(?:week|month|year)))\b", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?:\$|£|€)?\b\d[\d,.]*\b%?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|quarter|third|percent)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\b(?:because|due to|owing to|since|as a result|in order to|so that|so as to|led to|caused|causes|cause|reason|thanks to|result of|resulted|lead to|leads to|aimed? (?:at|to)|to (?:avoid|prevent|ensure|allow|protect|reduce|increase|improve|help|make|keep|support))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonPattern();

    [GeneratedRegex(@"\b(?i:in|at|near|from|to|into|across|throughout|outside|inside|within)\s+(?:the\s+)?(?<name>\p{Lu}[\p{L}'-]+(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}'-]+)*)")]
    private static partial Regex PlacePattern();

    [GeneratedRegex(@"^\p{Lu}\p{L}*(?:ian|ean|can|ese|ish)$")]
    private static partial Regex Demonym();

    [GeneratedRegex(@"\s+(?<word>\p{Ll}+)")]
    private static partial Regex NextWord();

    [GeneratedRegex(@"(?<word>[\p{L}.]+)[\s,]*$")]
    private static partial Regex PreviousWord();

    [GeneratedRegex(@"\p{Lu}[\p{L}'’.-]*(?:\s+(?:(?:of|de|da|van|von|al|bin|the|and)\s+)?\p{Lu}[\p{L}'’.-]*)*")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$")]
    private static partial Regex Calendar();
}
