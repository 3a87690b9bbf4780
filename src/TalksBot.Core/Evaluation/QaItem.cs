namespace TalksBot.Core.Evaluation;

/// <summary>One question of a Q&amp;A suite with what counts as a right answer.</summary>
/// <param name="Id">Unique within the suite.</param>
/// <param name="Answers">Accepted answers: a reply is right when it contains any of them (case and typography ignored).</param>
/// <param name="Sources">Article ids the answer should rest on; retrieval is scored on finding them.</param>
/// <param name="Answerable">False when the articles do not answer the question and the bot should abstain.</param>
/// <param name="Forbidden">Strings that make any reply wrong, e.g. a tempting but false figure.</param>
/// <param name="Line">The 1-based line of the suite file it came from, for messages.</param>
public sealed record QaItem(
    string Id,
    string Question,
    IReadOnlyList<string> Answers,
    IReadOnlyList<string> Sources,
    bool Answerable,
    IReadOnlyList<string> Forbidden,
    int Line = 0);
