namespace TalksBot.Core.Answering;

/// <summary>One step of a streamed answer: provisional text, or (last) the verified answer.</summary>
/// <param name="Delta">Text to append to what is shown; empty on the final update.</param>
/// <param name="Final">The verified answer; set only on the last update.</param>
public sealed record AnswerStreamUpdate(string Delta, Answer? Final = null);
