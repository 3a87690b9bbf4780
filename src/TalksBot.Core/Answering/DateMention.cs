namespace TalksBot.Core.Answering;

/// <summary>A date written in a sentence, with whatever parts of it the text gives.</summary>
internal sealed record DateMention(string Text, int Start, int End, int? Year, int? Month, int? Day)
{
    // "early February 2025" and "February 16, 2025" can both be true; only parts both texts give can disagree.
    public bool Contradicts(DateMention other) =>
        (Year is { } y && other.Year is { } oy && y != oy)
        || (Month is { } m && other.Month is { } om && m != om)
        || (Day is { } d && other.Day is { } od && d != od && Month == other.Month);
}
