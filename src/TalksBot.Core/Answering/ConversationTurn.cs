namespace TalksBot.Core.Answering;

/// <summary>An earlier question and its answer in the same conversation.</summary>
public sealed record ConversationTurn(string Question, Answer Answer);
