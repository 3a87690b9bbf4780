namespace TalksBot.Testing.FakeOpenAi;

/// <summary>One message of a recorded chat request.</summary>
/// <param name="ToolCallId">For a <c>tool</c> message: the call it answers.</param>
/// <param name="ToolCalls">For an <c>assistant</c> message: the tools it called, by name.</param>
public sealed record FakeOpenAiMessage(string Role, string Content, string? ToolCallId = null, IReadOnlyList<string>? ToolCalls = null);
