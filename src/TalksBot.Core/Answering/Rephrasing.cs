namespace TalksBot.Core.Answering;

/// <summary>A second retrieval query for a question, and the kind of answer its extra passages must hold to be read.</summary>
internal sealed record Rephrasing(string Query, QuestionKind Answers);
