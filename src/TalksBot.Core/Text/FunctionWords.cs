namespace TalksBot.Core.Text;

/// <summary>
/// English function words (articles, pronouns, auxiliaries, prepositions, question words): they occur in
/// every passage, so matching on them says nothing about relevance. Lower case, as <see cref="WordTokenizer"/> yields.
/// </summary>
internal static class FunctionWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "of", "in", "on", "at", "to",
        "for", "from", "by", "with", "about", "as", "into", "onto", "over", "under", "between", "among", "through",
        "during", "before", "after", "without", "within", "against", "is", "are", "was", "were", "be", "been", "being",
        "am", "do", "does", "did", "done", "has", "have", "had", "having", "will", "would", "shall", "should", "can",
        "could", "may", "might", "must", "it", "its", "this", "that", "these", "those", "he", "him", "his", "she",
        "her", "hers", "they", "them", "their", "theirs", "we", "our", "ours", "you", "your", "i", "me", "my", "who",
        "whom", "whose", "what", "which", "when", "where", "why", "how", "there", "here", "not", "no", "also", "any",
        "all", "some", "such", "very", "just", "only", "own", "same", "other", "each", "both", "more", "most",
    };

    /// <summary>True when <paramref name="word"/> (lower case) is a function word.</summary>
    public static bool Contains(string word) => Words.Contains(word);
}
