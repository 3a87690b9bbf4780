namespace TalksBot.Core.Text;

/// <summary>One row of a <see cref="TextTable"/>: its cells in column order.</summary>
internal sealed record TextTableRow(IReadOnlyList<TextSegment> Cells)
{
    /// <summary>The first cell, which names what the row is about (e.g. "Humanitarian Aid").</summary>
    public TextSegment Label => Cells[0];

    /// <summary>Offset of the row's first character in the source text.</summary>
    public int Start => Cells[0].Start;

    /// <summary>Offset one past the row's last character in the source text.</summary>
    public int End => Cells[^1].End;
}
