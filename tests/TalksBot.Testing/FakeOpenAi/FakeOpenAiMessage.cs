namespace TalksBot.Testing.FakeOpenAi;

/// <summary>One message of a recorded chat request.</summary>
public sealed record FakeOpenAiMessage(string Role, string Content);
