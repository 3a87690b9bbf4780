using System.ComponentModel.DataAnnotations;

namespace TalksBot.Core.Passages;

/// <summary>How articles are cut into passages.</summary>
public sealed class PassageChunkerOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Passages";

    /// <summary>
    /// Target upper size of a passage in characters: about 110–130 words, enough for a heading with its
    /// paragraph or a whole small table, small enough that a citation points at one idea. A single table,
    /// list or sentence longer than this still becomes one passage.
    /// </summary>
    // 700 rather than 900: on the seed Q&A suite the hashing embedder ranks a passage holding the answer first
    // for 49 of 76 answerable questions at 700 and 42 at 900 (in the top five: 65 against 60).
    [Range(200, 8000)]
    public int MaxChars { get; set; } = 700;

    /// <summary>Sentences repeated from the end of the previous passage when a long section is split.</summary>
    [Range(0, 3)]
    public int OverlapSentences { get; set; } = 1;
}
