namespace TalksBot.Core.Answering;

/// <summary>What the answerer makes of a question before looking at passages.</summary>
/// <param name="Side">The side the question is about ("Who led the U.S. delegation?" → United States), if exactly one.</param>
/// <param name="Sides">Every side the question names.</param>
/// <param name="Names">Capitalised names in the question (people, places), as written.</param>
/// <param name="WantsPerson">"Which officials ...?" asks for named people; a sentence naming only countries does not answer it.</param>
/// <param name="IsInjection">The text addresses the bot ("ignore your instructions") rather than asking about the articles.</param>
internal sealed record QuestionAnalysis(
    string Text,
    QuestionKind Kind,
    IReadOnlyList<QueryTerm> Terms,
    string? Side,
    IReadOnlyList<string> Sides,
    IReadOnlyList<string> Names,
    bool WantsPerson,
    bool IsInjection);
