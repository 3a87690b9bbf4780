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

    private static readonly FrozenSet<string> QuestionWords =
        FrozenSet.ToFrozenSet(["who", "what", "when", "where", "why", "how"], StringComparer.Ordinal);

    // Irregular past forms the suffix stemmer cannot reach, demonyms that name the same country, and question
    // words that ask the same thing.
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
        ["which"] = "what", ["whom"] = "who", ["whose"] = "who",
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

    /// <summary>
    /// Token Jaccard over the content terms. The question words decide only whether two questions can match at
    /// all ("when" vs "where"), so a shared "what … role" frame does not make questions about two people alike.
    /// </summary>
    public static double Similarity(IReadOnlySet<string> left, IReadOnlySet<string> right)
    {
        var asksLeft = left.Where(QuestionWords.Contains).ToHashSet(StringComparer.Ordinal);
        var asksRight = right.Where(QuestionWords.Contains).ToHashSet(StringComparer.Ordinal);
        if (asksLeft.Count > 0 && asksRight.Count > 0 && !asksLeft.Overlaps(asksRight))
        {
            return 0;
        }

        var contentLeft = left.Except(asksLeft).ToHashSet(StringComparer.Ordinal);
        var contentRight = right.Except(asksRight).ToHashSet(StringComparer.Ordinal);
        return contentLeft.Count == 0 && contentRight.Count == 0 ? Jaccard(left, right) : Jaccard(contentLeft, contentRight);
    }

    private static double Jaccard(IReadOnlySet<string> left, IReadOnlySet<string> right)
    {
        var shared = left.Count(right.Contains);
        var union = left.Count + right.Count - shared;
        return union == 0 ? 1 : (double)shared / union;
    }

    private static string Canonical(string word)
    {
        if (Aliases.TryGetValue(word, out var alias))
        {
            return alias;
        }

        if (QuestionWords.Contains(word))
        {
            return word;
        }

        var stem = WordTokenizer.Stem(word);
        return Aliases.TryGetValue(stem, out alias) ? alias : stem;
    }
}
