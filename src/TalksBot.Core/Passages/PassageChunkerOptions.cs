using System.ComponentModel.DataAnnotations;

namespace TalksBot.Core.Passages;

/// <summary>How articles are cut into passages.</summary>
public sealed class PassageChunkerOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Passages";

    /// <summary>
    /// Target upper size of a passage in characters: about 150–200 words, enough for a heading with its
    /// paragraph or a whole small table, small enough that a citation points at one idea. A single table,
    /// list or sentence longer than this still becomes one passage.
    /// </summary>
    [Range(200, 8000)]
    public int MaxChars { get; set; } = 900;

    /// <summary>Sentences repeated from the end of the previous passage when a section is split mid-paragraph.</summary>
    [Range(0, 3)]
    public int OverlapSentences { get; set; } = 1;
}
