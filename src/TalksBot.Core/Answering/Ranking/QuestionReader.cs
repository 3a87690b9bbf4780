using TalksBot.Core.Text;

namespace TalksBot.Core.Answering.Ranking;

/// <summary>
/// Reads a question once: corrects a one-letter slip in its question word, names the kind of answer it asks for from
/// one table of English question words, and collects its content terms and entities.
/// </summary>
internal sealed class QuestionReader(QuestionAnalyzer analyzer)
{
    private static readonly string[] QuestionWords = ["who", "whom", "whose", "what", "which", "when", "where", "why", "how"];

    // The one table of what each question word asks for. "what"/"which" ask for what their noun names ("which year",
    // "what city"), looked up in NounAnswers; "how" for what its next word names ("how many", "how long").
    private static readonly Dictionary<string, AnswerType> WordAnswers = new(StringComparer.Ordinal)
    {
        ["who"] = AnswerType.Name, ["whom"] = AnswerType.Name, ["whose"] = AnswerType.Name,
        ["when"] = AnswerType.Date, ["where"] = AnswerType.Place, ["why"] = AnswerType.Reason,
        ["how many"] = AnswerType.Number, ["how much"] = AnswerType.Number, ["how old"] = AnswerType.Number,
        ["how long"] = AnswerType.Number, ["how far"] = AnswerType.Number, ["how large"] = AnswerType.Number,
        ["how big"] = AnswerType.Number, ["how often"] = AnswerType.Number, ["how high"] = AnswerType.Number,
    };

    private static readonly Dictionary<string, AnswerType> NounAnswers = new(StringComparer.Ordinal)
    {
        ["year"] = AnswerType.Date, ["date"] = AnswerType.Date, ["day"] = AnswerType.Date, ["month"] = AnswerType.Date,
        ["decade"] = AnswerType.Date, ["century"] = AnswerType.Date, ["time"] = AnswerType.Date, ["era"] = AnswerType.Date,
        ["period"] = AnswerType.Date, ["season"] = AnswerType.Date,
        ["country"] = AnswerType.Place, ["city"] = AnswerType.Place, ["place"] = AnswerType.Place, ["town"] = AnswerType.Place,
        ["state"] = AnswerType.Place, ["region"] = AnswerType.Place, ["continent"] = AnswerType.Place, ["location"] = AnswerType.Place,
        ["nation"] = AnswerType.Place, ["capital"] = AnswerType.Place, ["venue"] = AnswerType.Place, ["area"] = AnswerType.Place,
        ["kingdom"] = AnswerType.Place, ["island"] = AnswerType.Place, ["river"] = AnswerType.Place,
        ["person"] = AnswerType.Name, ["man"] = AnswerType.Name, ["woman"] = AnswerType.Name, ["people"] = AnswerType.Name,
        ["leader"] = AnswerType.Name, ["president"] = AnswerType.Name, ["minister"] = AnswerType.Name, ["official"] = AnswerType.Name,
        ["officials"] = AnswerType.Name, ["king"] = AnswerType.Name, ["emperor"] = AnswerType.Name, ["company"] = AnswerType.Name,
        ["organization"] = AnswerType.Name, ["organisation"] = AnswerType.Name, ["group"] = AnswerType.Name, ["envoy"] = AnswerType.Name,
        ["scientist"] = AnswerType.Name, ["author"] = AnswerType.Name, ["general"] = AnswerType.Name, ["team"] = AnswerType.Name,
        ["number"] = AnswerType.Number, ["amount"] = AnswerType.Number, ["percentage"] = AnswerType.Number, ["percent"] = AnswerType.Number,
        ["size"] = AnswerType.Number, ["population"] = AnswerType.Number, ["cost"] = AnswerType.Number, ["price"] = AnswerType.Number,
        ["reason"] = AnswerType.Reason, ["cause"] = AnswerType.Reason,
    };

    // Function words of the languages most often mistaken for an English question in a Latin script.
    private static readonly HashSet<string> ForeignFunctionWords = new(StringComparer.Ordinal)
    {
        "que", "qué", "quien", "quién", "quienes", "cuando", "cuándo", "donde", "dónde", "como", "cómo", "por", "porque", "el", "los",
        "las", "del", "una", "es", "fue", "qui", "quoi", "où", "quand", "comment", "pourquoi", "est", "les", "des", "une", "était",
        "wer", "wann", "wo", "warum", "wie", "und", "der", "die", "das", "ist", "war", "quem", "onde", "quando", "foi", "chi",
        "dove", "perché", "è", "sono", "y", "lo", "se", "al", "la", "le", "il", "di", "da", "em", "um", "ein", "eine",
    };

    public QuestionContext Read(string question, ReadOnlyMemory<float>? vector)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = CorrectQuestionWord(question.Trim());
        var words = WordTokenizer.Words(text);
        var terms = words.Where(IsContentWord).Select(WordTokenizer.Stem).Distinct(StringComparer.Ordinal).ToList();
        var entities = RawTokenizer.Tokens(text).Skip(1)
            .Where(t => (t.IsCapitalized || t.Text.Any(char.IsDigit)) && IsContentWord(t.Lower))
            .SelectMany(t => WordTokenizer.Terms(t.Text))
            .ToHashSet(StringComparer.Ordinal);
        var bigrams = words.Zip(words.Skip(1))
            .Where(p => IsContentWord(p.First) || IsContentWord(p.Second))
            .Select(p => (WordTokenizer.Stem(p.First), WordTokenizer.Stem(p.Second)))
            .Distinct()
            .ToList();
        return new QuestionContext(text, analyzer.Analyze(text), AnswerTypeOf(words), terms, entities, vector, IsForeign(text, words), bigrams);
    }

    /// <summary>A content word: not an English function word, not a bare question word.</summary>
    public static bool IsContentWord(string lowerWord) => !FunctionWords.Contains(lowerWord) && lowerWord.Length > 1;

    internal static AnswerType AnswerTypeOf(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (AsksWhoSomeoneIs(words, i))
                return AnswerType.None;
            if (i + 1 < words.Count && WordAnswers.TryGetValue($"{word} {words[i + 1]}", out var pair))
                return pair;
            if (WordAnswers.TryGetValue(word, out var single))
                return single;
            if (word is "what" or "which")
            {
                // The noun the question word asks about: "which Gulf kingdom", "what year", "in what country".
                foreach (var next in words.Skip(i + 1).Take(3))
                {
                    if (NounAnswers.TryGetValue(next, out var noun) || NounAnswers.TryGetValue(WordTokenizer.Stem(next), out noun))
                        return noun;
                }

                return AnswerType.None;
            }
        }

        return AnswerType.None;
    }

    // "Who is Keith Kellogg?" asks what someone is (an envoy, a minister), not for a name: "who" and a form of "be",
    // then only a few words that are neither function words nor a noun naming a role asked for ("Who is Russia's
    // president?" still asks for a name).
    private static bool AsksWhoSomeoneIs(IReadOnlyList<string> words, int i) =>
        words[i] == "who" && i + 2 < words.Count && words[i + 1] is "is" or "was" or "are" or "were"
        && words.Count - i - 2 <= 4
        && words.Skip(i + 2).All(w => IsContentWord(w) && !NounAnswers.ContainsKey(w) && !NounAnswers.ContainsKey(WordTokenizer.Stem(w)));

    // "wher did they meet" → "where did they meet": a slip of one letter in the question's opening word, when that word
    // is no English word itself and only one question word is that close.
    internal static string CorrectQuestionWord(string question)
    {
        var end = 0;
        while (end < question.Length && char.IsLetter(question[end]))
            end++;
        if (end < 3 || end > 6)
            return question;
        var first = question[..end].ToLowerInvariant();
        if (QuestionWords.Contains(first) || FunctionWords.Contains(first))
            return question;
        var close = QuestionWords.Where(w => Spelling.Distance(first, w) == 1).ToList();
        // "wher" is one letter from both "where" and "when"; a word cut short is the likelier slip than a wrong letter.
        if (close.Count > 1)
            close = close.Where(w => w.StartsWith(first, StringComparison.Ordinal)).ToList();
        return close.Count == 1 ? close[0] + question[end..] : question;
    }

    private static bool IsForeign(string text, IReadOnlyList<string> words)
    {
        var letters = text.Count(char.IsLetter);
        if (letters == 0)
            return false;
        // Another script (Cyrillic, Arabic, CJK, ...) for most of the letters.
        if (text.Count(c => char.IsLetter(c) && c > '\u024F') * 2 > letters)
            return true;
        var raw = text.ToLowerInvariant().Split([' ', '?', '¿', '¡', '!', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
        var foreign = raw.Count(ForeignFunctionWords.Contains);
        var english = words.Count(FunctionWords.Contains);
        return foreign >= 2 && english * 2 <= foreign;
    }
}
