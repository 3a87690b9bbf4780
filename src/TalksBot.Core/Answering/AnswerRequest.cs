using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>Everything an answerer is given: the question, what retrieval found, and earlier turns (oldest first).</summary>
public sealed record AnswerRequest(string Question, IReadOnlyList<RetrievedPassage> Passages, IReadOnlyList<ConversationTurn> History);
