namespace TalksBot.Core.Text;

/// <summary>
/// A table found in article text. Every row has one cell per column; the first column usually names
/// the row, so "Russia’s Position" × "Humanitarian Aid" is <c>Rows[r].Cells[c]</c> where
/// <c>Columns[c]</c> is "Russia’s Position" and <c>Rows[r].Label</c> is "Humanitarian Aid".
/// </summary>
/// <param name="Columns">The header cells, one per column.</param>
/// <param name="Rows">The body rows, each with exactly <c>Columns.Count</c> cells.</param>
internal sealed record TextTable(IReadOnlyList<TextSegment> Columns, IReadOnlyList<TextTableRow> Rows)
{
    /// <summary>The cell in body row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public TextSegment Cell(int row, int column) => Rows[row].Cells[column];
}
