namespace TalksBot.Core.Answering;

/// <summary>A word as written, with its offsets, for the checks that need capitals and positions.</summary>
internal readonly record struct RawToken(string Text, int Start, int End)
{
    public bool IsCapitalized => char.IsUpper(Text[0]);

    // "NATO", "RIA", "U.S.": letters all in capitals, at least two of them.
    public bool IsAcronym => Text.Count(char.IsLetter) >= 2 && !Text.Any(char.IsLower);

    public string Lower => Text.ToLowerInvariant();
}
