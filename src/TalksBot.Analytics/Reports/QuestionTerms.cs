using System.Collections.Frozen;
using TalksBot.Core.Text;

namespace TalksBot.Analytics.Reports;

/// <summary>
/// Reduces a question to the content terms its paraphrases share: lower-cased words without punctuation or
/// function words, lightly stemmed, with irregular verb forms and demonyms folded onto one term, so
/// "Who was leading the American delegation?" and "who led the U.S. delegation" meet. General English only.
/// </summary>
internal static class QuestionTerms
{
    // Function words and the filler of questions put to a bot. Question words are kept on purpose: "when were
    // the talks" and "where were the talks" are different gaps. "us" is kept too: in questions about these
    // talks it is far more often "U.S." (which the tokenizer also yields as "us") than the pronoun.
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

    // Irregular past forms the suffix stemmer cannot reach, and demonyms that name the same country.
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
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
        ["america"] = "us", ["american"] = "us", ["usa"] = "us", ["russian"] = "russia", ["ukrainian"] = "ukraine",
        ["european"] = "europe", ["british"] = "uk", ["britain"] = "uk", ["chinese"] = "china",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Phrases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["united states"] = "us",
        ["united kingdom"] = "uk",
        ["european union"] = "eu",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlySet<string> Of(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = WordTokenizer.Words(question);
        var terms = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < words.Count; i++)
        {
            if (i + 1 < words.Count && Phrases.TryGetValue(words[i] + " " + words[i + 1], out var phrase))
            {
                terms.Add(phrase);
                i++;
            }
            else if (!StopWords.Contains(words[i]))
            {
                terms.Add(Canonical(words[i]));
            }
        }

        // A question of nothing but function words ("is it?") still needs terms to be compared by.
        if (terms.Count == 0)
        {
            terms.UnionWith(words.Select(Canonical));
        }

        return terms;
    }

    public static double Jaccard(IReadOnlySet<string> left, IReadOnlySet<string> right)
    {
        if (left.Count == 0 && right.Count == 0)
        {
            return 1;
        }

        var shared = left.Count(right.Contains);
        return (double)shared / (left.Count + right.Count - shared);
    }

    private static string Canonical(string word)
    {
        if (Aliases.TryGetValue(word, out var alias))
        {
            return alias;
        }

        var stem = WordTokenizer.Stem(word);
        return Aliases.TryGetValue(stem, out alias) ? alias : stem;
    }
}
