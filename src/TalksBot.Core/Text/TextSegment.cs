namespace TalksBot.Core.Text;

/// <summary>A piece of a larger text: its content and where it sits.</summary>
/// <param name="Text">Exactly <c>source[Start..End]</c>.</param>
/// <param name="Start">Offset of the first character in the source text.</param>
/// <param name="End">Offset one past the last character in the source text.</param>
public sealed record TextSegment(string Text, int Start, int End)
{
    /// <summary>Cuts <paramref name="source"/>[<paramref name="start"/>..<paramref name="end"/>] into a segment.</summary>
    public static TextSegment Of(string source, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new TextSegment(source[start..end], start, end);
    }

    /// <summary>Like <see cref="Of"/>, without leading and trailing white space (empty when there is only white space).</summary>
    public static TextSegment Trimmed(string source, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(source);
        while (start < end && char.IsWhiteSpace(source[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(source[end - 1]))
        {
            end--;
        }

        return Of(source, start, end);
    }
}
