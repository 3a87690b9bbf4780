namespace TalksBot.Core.Answering;

/// <summary>A person named in a sentence, with the role written next to the name when there is one.</summary>
/// <param name="Role">"Secretary of State" in "Secretary of State Marco Rubio", or the apposition in "Kirill Dmitriev, CEO of ...".</param>
internal sealed record PersonMention(string Name, int Start, int End, string? Role);
