using System.Text;

namespace TalksBot.Core.Evaluation;

/// <summary>
/// Folds the typography an answerer may legitimately vary (curly quotes, dashes, non-breaking spaces, case)
/// so "Saudi Arabia’s" in an answer matches "saudi arabia's" in the suite.
/// </summary>
internal static class AnswerText
{
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(Fold(c));
        }

        return builder.ToString();
    }

    public static bool Contains(string normalizedHaystack, string needle) =>
        normalizedHaystack.Contains(Normalize(needle), StringComparison.Ordinal);

    private static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u00B4' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
        _ => char.ToLowerInvariant(c),
    };
}
