namespace TalksBot.Core.Text;

/// <summary>A structural block of article text (heading, paragraph, list or table) with its offsets.</summary>
/// <param name="Kind">What the block is.</param>
/// <param name="Span">The block's text and offsets, from its first to its last non-blank character.</param>
/// <param name="Lines">The block's non-blank lines, trimmed (for a table, its cells in reading order).</param>
/// <param name="Table">The parsed table when <paramref name="Kind"/> is <see cref="TextBlockKind.Table"/>.</param>
internal sealed record TextBlock(TextBlockKind Kind, TextSegment Span, IReadOnlyList<TextSegment> Lines, TextTable? Table = null)
{
    /// <summary>Offset of the block's first character.</summary>
    public int Start => Span.Start;

    /// <summary>Offset one past the block's last character.</summary>
    public int End => Span.End;

    /// <summary>For a heading, its text without Markdown <c>#</c> marks; otherwise the block text.</summary>
    public string Title => Kind == TextBlockKind.Heading ? Span.Text.TrimStart('#').Trim() : Span.Text;
}
