using TalksBot.Core.Text;

namespace TalksBot.Core.Evaluation;

/// <summary>
/// Classifies a question by its leading wh-word, for reporting only (the answerer has its own analysis). One table row
/// per wh-word, longest phrase first; a leading "and", "so" or "but" (a follow-up) and one leading preposition
/// ("In what year ...", SQuAD's commonest shape) are skipped first.
/// </summary>
public static class QuestionWords
{
    private static readonly (string[] Words, QuestionWord Kind)[] Table =
    [
        (["how", "many"], QuestionWord.HowMany),
        (["how", "much"], QuestionWord.HowMany),
        (["how"], QuestionWord.How),
        (["who"], QuestionWord.Who),
        (["whom"], QuestionWord.Who),
        (["whose"], QuestionWord.Who),
        (["when"], QuestionWord.When),
        (["where"], QuestionWord.Where),
        (["which"], QuestionWord.Which),
        (["what"], QuestionWord.What),
        (["why"], QuestionWord.Why),
    ];

    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal) { "and", "so", "but" };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "in", "on", "at", "by", "from", "to", "for", "of", "with", "during", "after", "before", "since", "until", "under", "about",
    };

    /// <summary>The kind of <paramref name="question"/>; <see cref="QuestionWord.Other"/> when it leads with no wh-word.</summary>
    public static QuestionWord Classify(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var words = WordTokenizer.Words(question);
        var start = 0;
        while (start < words.Count && Openers.Contains(words[start]))
        {
            start++;
        }

        if (start < words.Count && Prepositions.Contains(words[start]))
        {
            start++;
        }

        foreach (var (phrase, kind) in Table)
        {
            if (start + phrase.Length <= words.Count && phrase.Select((w, i) => words[start + i] == w).All(m => m))
            {
                return kind;
            }
        }

        return QuestionWord.Other;
    }
}
