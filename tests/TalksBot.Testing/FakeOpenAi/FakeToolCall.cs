namespace TalksBot.Testing.FakeOpenAi;

/// <summary>A tool call the fake model makes: the function's name as offered in <c>tools</c>, and its JSON arguments.</summary>
public sealed record FakeToolCall(string Name, string Arguments);
