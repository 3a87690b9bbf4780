using TalksBot.Core.Text;

namespace TalksBot.Llm.Answering;

/// <summary>Picks the passage sentence a claim rests on: the one sharing the most content words with it.</summary>
internal static class QuoteSelector
{
    // Function words match everywhere and would let a long sentence win on "the" and "of".
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are",
        "was", "were", "be", "been", "it", "its", "that", "this", "these", "those", "he", "she", "they", "we", "his", "her",
        "their", "said", "has", "have", "had", "not", "will", "would", "there", "which", "who", "what", "also",
    };

    /// <summary>The best sentence of <paramref name="passageText"/> for <paramref name="claim"/>; offsets index into the passage text.</summary>
    public static TextSegment Best(string passageText, string claim)
    {
        var sentences = SentenceSplitter.Split(passageText);
        if (sentences.Count == 0)
        {
            return TextSegment.Of(passageText, 0, passageText.Length);
        }

        var claimTerms = ContentTerms(claim);
        var best = sentences[0];
        var bestScore = -1;
        foreach (var sentence in sentences)
        {
            // Ties go to the earlier sentence: news puts the main fact first.
            var score = ContentTerms(sentence.Text).Count(claimTerms.Contains);
            if (score > bestScore)
            {
                best = sentence;
                bestScore = score;
            }
        }

        return best;
    }

    private static HashSet<string> ContentTerms(string text) =>
        [.. WordTokenizer.Terms(text).Where(term => !StopWords.Contains(term))];
}
