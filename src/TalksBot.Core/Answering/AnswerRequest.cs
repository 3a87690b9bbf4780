using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>Everything an answerer is given: the question, what retrieval found, and earlier turns (oldest first).</summary>
/// <param name="Question">The question as retrieval saw it: a follow-up that needed the earlier turn is already made whole.</param>
/// <param name="QuestionVector">The question's embedding, computed once for retrieval and reused to compare sentences.</param>
public sealed record AnswerRequest(string Question, IReadOnlyList<RetrievedPassage> Passages, IReadOnlyList<ConversationTurn> History,
    ReadOnlyMemory<float>? QuestionVector = null);
