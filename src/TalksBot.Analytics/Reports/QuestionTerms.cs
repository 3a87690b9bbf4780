using System.Collections.Frozen;
using System.Text.RegularExpressions;
using TalksBot.Core.Text;

namespace TalksBot.Analytics.Reports;

/// <summary>
/// Reduces a question to what its paraphrases share: lower-cased words without punctuation or function words,
/// lightly stemmed, with irregular verb forms and demonyms folded onto one term, so "Who was leading the
/// American delegation?" and "who led the U.S. delegation" meet, while "the Russian delegation" does not.
/// General English only.
/// </summary>
internal static partial class QuestionTerms
{
    // Function words and the filler of questions put to a bot. "us" is not one: in questions about these talks
    // it is far more often "U.S." (which the tokenizer also yields as "us") than the pronoun.
    private static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "and", "or", "but", "if", "then", "than", "so", "as", "of", "in", "on", "at", "to", "for",
        "from", "by", "with", "about", "into", "onto", "over", "under", "after", "before", "during", "between",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "has", "have", "had",
        "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "it", "its", "this",
        "that", "these", "those", "there", "here", "he", "she", "they", "them", "their", "theirs", "his", "her",
        "him", "i", "me", "my", "we", "our", "you", "your", "any", "some", "all", "just", "also", "very", "really",
        "please", "tell", "know", "according", "article", "articles", "actually", "exactly", "anyone", "someone",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> QuestionWords =
        FrozenSet.ToFrozenSet(["who", "what", "when", "where", "why", "how"], StringComparer.Ordinal);

    // Irregular past forms the suffix stemmer cannot reach, and question words that ask the same thing.
    private static readonly FrozenDictionary<string, string> WordForms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["led"] = "lead", ["met"] = "meet", ["said"] = "say", ["says"] = "say", ["told"] = "tell", ["took"] = "take",
        ["taken"] = "take", ["held"] = "hold", ["made"] = "make", ["went"] = "go", ["gone"] = "go", ["gave"] = "give",
        ["given"] = "give", ["spoke"] = "speak", ["spoken"] = "speak", ["thought"] = "think", ["began"] = "begin",
        ["begun"] = "begin", ["brought"] = "bring", ["came"] = "come", ["chose"] = "choose", ["chosen"] = "choose",
        ["found"] = "find", ["got"] = "get", ["knew"] = "know", ["known"] = "know", ["left"] = "leave",
        ["meant"] = "mean", ["paid"] = "pay", ["ran"] = "run", ["saw"] = "see", ["seen"] = "see", ["sent"] = "send",
        ["stood"] = "stand", ["won"] = "win", ["wrote"] = "write", ["written"] = "write", ["sought"] = "seek",
        ["fought"] = "fight", ["broke"] = "break", ["broken"] = "break", ["drew"] = "draw", ["drawn"] = "draw",
        ["fell"] = "fall", ["kept"] = "keep", ["rose"] = "rise", ["spent"] = "spend", ["struck"] = "strike",
        ["threw"] = "throw", ["understood"] = "understand", ["agreed"] = "agree", ["agrees"] = "agree",
        ["which"] = "what", ["whom"] = "who", ["whose"] = "who",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Countries under their demonyms and other names; each target is a name however it was typed.
    private static readonly FrozenDictionary<string, string> Places = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us"] = "us", ["usa"] = "us", ["america"] = "us", ["american"] = "us", ["united states"] = "us",
        ["russia"] = "russia", ["russian"] = "russia", ["ukraine"] = "ukraine", ["ukrainian"] = "ukraine",
        ["europe"] = "europe", ["european"] = "europe", ["eu"] = "eu", ["european union"] = "eu",
        ["uk"] = "uk", ["britain"] = "uk", ["british"] = "uk", ["united kingdom"] = "uk",
        ["china"] = "china", ["chinese"] = "china",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static QuestionSignature Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var capitalised = CapitalisedWords(question);
        var words = WordTokenizer.Words(question);
        var asks = new SortedSet<string>(StringComparer.Ordinal);
        var content = new SortedSet<string>(StringComparer.Ordinal);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (i + 1 < words.Count && Places.TryGetValue(word + " " + words[i + 1], out var place))
            {
                i++;
            }
            else if (!Places.TryGetValue(word, out place) && !Places.TryGetValue(WordTokenizer.Stem(word), out place))
            {
                place = null;
            }

            if (place is not null)
            {
                content.Add(place);
                names.Add(place);
                continue;
            }

            if (StopWords.Contains(word))
            {
                continue;
            }

            var term = Canonical(word);
            (QuestionWords.Contains(term) ? asks : content).Add(term);
            if (capitalised.Contains(word))
            {
                names.Add(term);
            }
        }

        // A question of nothing but function words ("is it?") still needs terms to be compared by.
        if (asks.Count == 0 && content.Count == 0)
        {
            content.UnionWith(words.Select(Canonical));
        }

        return new QuestionSignature(asks, content, names);
    }

    /// <summary>
    /// Token Jaccard over the content terms, after two vetoes: questions asking different things ("when" vs
    /// "where") or about different names ("the U.S. position" vs "Russia's position") never match.
    /// </summary>
    public static double Similarity(QuestionSignature left, QuestionSignature right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (Disjoint(left.Asks, right.Asks) || Disjoint(left.Names, right.Names))
        {
            return 0;
        }

        var shared = left.Content.Count(right.Content.Contains);
        var union = left.Content.Count + right.Content.Count - shared;
        return union == 0 ? 1 : (double)shared / union;
    }

    private static bool Disjoint(IReadOnlySet<string> left, IReadOnlySet<string> right) =>
        left.Count > 0 && right.Count > 0 && !left.Overlaps(right);

    // Words written with a capital anywhere but at the start of the question: names, as far as casing tells.
    private static HashSet<string> CapitalisedWords(string question)
    {
        var capitalised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var match in WordPattern().Matches(question).Skip(1))
        {
            if (char.IsUpper(match.Value[0]))
            {
                capitalised.UnionWith(WordTokenizer.Words(match.Value));
            }
        }

        return capitalised;
    }

    private static string Canonical(string word)
    {
        if (WordForms.TryGetValue(word, out var form))
        {
            return form;
        }

        if (QuestionWords.Contains(word))
        {
            return word;
        }

        var stem = WordTokenizer.Stem(word);
        return WordForms.TryGetValue(stem, out form) ? form : stem;
    }

    [GeneratedRegex(@"[\p{L}\p{Nd}][\p{L}\p{Nd}.'’]*")]
    private static partial Regex WordPattern();
}
