namespace TalksBot.Core.Answering;

/// <summary>A question from a user.</summary>
/// <param name="ConversationId">Follow-ups with the same id see earlier turns (a Discord thread id, a chat session).</param>
public sealed record AskRequest(string Question, string? ConversationId = null);
