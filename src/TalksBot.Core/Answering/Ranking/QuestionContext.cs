namespace TalksBot.Core.Answering.Ranking;

/// <summary>A question read once and carried through answering.</summary>
/// <param name="Text">The question as answered: a follow-up already made whole, a misspelt question word corrected.</param>
/// <param name="Analysis">The reading the table and article-metadata answerers use (kind, side, names).</param>
/// <param name="Answers">The kind of thing the answer must contain.</param>
/// <param name="Terms">Distinct stemmed content words, lower case.</param>
/// <param name="Entities">Content words the asker wrote capitalised or as numbers: names and figures an answer must share.</param>
/// <param name="Vector">The question's embedding, when the index has sentence vectors to compare it with.</param>
/// <param name="IsForeign">Asked in another language than English.</param>
/// <param name="Bigrams">Neighbouring stemmed words of the question where at least one is a content word ("oil crisis", "the heavens").</param>
internal sealed record QuestionContext(
    string Text,
    QuestionAnalysis Analysis,
    AnswerType Answers,
    IReadOnlyList<string> Terms,
    IReadOnlySet<string> Entities,
    ReadOnlyMemory<float>? Vector,
    bool IsForeign,
    IReadOnlyList<(string, string)> Bigrams)
{
    /// <summary>The text addresses the bot ("ignore your instructions") rather than asking about the articles.</summary>
    public bool IsInjection => Analysis.IsInjection;
}
