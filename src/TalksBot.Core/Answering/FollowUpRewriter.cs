namespace TalksBot.Core.Answering;

/// <summary>
/// Makes an elliptical follow-up stand alone by borrowing from the previous question:
/// "and who did Russia send?" after "Who led the U.S. delegation?" → "who did Russia send? led delegation".
/// </summary>
internal sealed class FollowUpRewriter(Lexicon lexicon, SideFinder sides)
{
    private static readonly HashSet<string> QuestionWords = ["who", "whom", "whose", "what", "which", "when", "where", "why", "how"];

    // Pronouns that stand for someone or something named in the earlier turn.
    private static readonly HashSet<string> BackReferences = ["he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their", "there"];

    // A follow-up with at most this many content words cannot stand alone ("and Russia's?").
    private const int MaxEllipticalContentWords = 1;

    public string Rewrite(string question, IReadOnlyList<ConversationTurn> history)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (history.Count == 0)
        {
            return question;
        }

        var previous = Rewrite(history[^1].Question, [.. history.Take(history.Count - 1)]);
        var trimmed = question.Trim();
        var lower = trimmed.ToLowerInvariant();
        var opener = lexicon.FollowUpOpeners.FirstOrDefault(o => lower == o || lower.StartsWith(o + " ", StringComparison.Ordinal));
        // A question with words enough to stand alone is asked on its own, even after "and": only a pronoun that points
        // back ("when did he arrive?") or too few words ("and Russia's?") need the earlier turn.
        if (ContentWords(trimmed, sides.Find(trimmed)).Count > MaxEllipticalContentWords && !PointsBack(lower))
        {
            return question;
        }

        var rest = opener is null ? trimmed : trimmed[opener.Length..].Trim();
        var restSides = sides.Find(rest);
        var previousSides = sides.Find(previous);
        var firstWord = rest.Split(' ', 2)[0].ToLowerInvariant();
        if (QuestionWords.Contains(firstWord))
        {
            // The follow-up asks its own question; it borrows only the topic, and not the old side when it names a new one.
            var own = ContentWords(rest, []).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var borrowed = ContentWords(previous, restSides.Count > 0 ? previousSides : [])
                .Where(w => !own.Contains(w.ToLowerInvariant()));
            return string.Join(' ', [rest, .. borrowed]);
        }

        if (restSides.Count > 0 && previousSides.Count > 0)
        {
            // "what about Russia?" → the previous question with its side swapped for the new one.
            var alias = rest[restSides[0].Start..restSides[0].End];
            var swapped = previous;
            foreach (var mention in previousSides.Reverse())
            {
                swapped = swapped[..mention.Start] + alias + swapped[mention.End..];
            }

            return swapped;
        }

        return $"{previous} {rest}";
    }

    private static bool PointsBack(string lower) =>
        Text.WordTokenizer.Words(lower).Any(BackReferences.Contains);

    private List<string> ContentWords(string text, IReadOnlyList<SideMention> skip) =>
        [.. RawTokenizer.Tokens(text)
            .Where(t => !skip.Any(m => t.Start < m.End && t.End > m.Start))
            .Where(t => !lexicon.Stopwords.Contains(t.Lower) && !QuestionWords.Contains(t.Lower))
            .Select(t => t.Text)];
}
