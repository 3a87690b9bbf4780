namespace TalksBot.Core.Answering;

/// <summary>A party to the story and the words that name it ("United States": U.S., America, Washington, ...).</summary>
/// <param name="Aliases">Aliases written in capitals (US, EU) match only in capitals.</param>
public sealed record LexiconSide(string Name, IReadOnlyList<string> Aliases);
