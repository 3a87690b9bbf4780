namespace TalksBot.Core.Text;

/// <summary>What a block of article text is.</summary>
internal enum TextBlockKind
{
    /// <summary>A short title line that introduces the text below it.</summary>
    Heading,

    /// <summary>Running prose.</summary>
    Paragraph,

    /// <summary>Bullet lines or consecutive <c>Label: text</c> lines.</summary>
    List,

    /// <summary>A table: column labels and rows of cells (see <see cref="TextBlock.Table"/>).</summary>
    Table,
}
