namespace TalksBot.Core.Text;

/// <summary>
/// A table found in article text. Every row has one cell per column; the first column usually names
/// the row, so "Russia’s Position" × "Humanitarian Aid" is <c>Rows[r].Cells[c]</c> where
/// <c>Columns[c]</c> is "Russia’s Position" and <c>Rows[r].Label</c> is "Humanitarian Aid".
/// </summary>
/// <param name="Columns">The header cells, one per column.</param>
/// <param name="Rows">The body rows, each with exactly <c>Columns.Count</c> cells.</param>
public sealed record TextTable(IReadOnlyList<TextSegment> Columns, IReadOnlyList<TextTableRow> Rows)
{
    /// <summary>The cell in body row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public TextSegment Cell(int row, int column) => Rows[row].Cells[column];

    /// <summary>
    /// Each non-label cell as a sentence-like fact ("Humanitarian Aid — Russia’s Position: Calls for equitable
    /// distribution of aid"), with the cell it states; lets lexical or semantic matching find a single cell.
    /// </summary>
    public IEnumerable<(string Statement, TextSegment Cell)> Facts()
    {
        foreach (var row in Rows)
        {
            for (var c = 1; c < Columns.Count; c++)
            {
                yield return ($"{row.Label.Text} — {Columns[c].Text}: {row.Cells[c].Text}", row.Cells[c]);
            }
        }
    }
}
