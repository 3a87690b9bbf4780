using TalksBot.Core.Tests.Articles;
using TalksBot.Core.Text;

namespace TalksBot.Core.Tests.Text;

public sealed class TextBlockParserTests
{
    private const string CellTable =
        "Prices rose across the region, as the table below shows.\n\nCity\nJanuary\nMarch\n\nOslo\nHigh\nLower\n\nRiga\nStable\nHigher\n\nThe figures come from the statistics office.";

    [Fact]
    public void OneCellPerLineLayoutIsReadAsATable()
    {
        var table = Assert.Single(TextBlockParser.Parse(CellTable), b => b.Kind == TextBlockKind.Table).Table!;

        Assert.Equal(["City", "January", "March"], table.Columns.Select(c => c.Text));
        Assert.Equal(["Oslo", "Riga"], table.Rows.Select(r => r.Label.Text));
        Assert.Equal("Higher", table.Cell(1, 2).Text);
    }

    [Fact]
    public void TableCellOffsetsQuoteTheSourceText()
    {
        var table = TextBlockParser.Parse(CellTable).Single(b => b.Kind == TextBlockKind.Table).Table!;

        Assert.All(table.Rows.SelectMany(r => r.Cells).Concat(table.Columns), c => Assert.Equal(CellTable[c.Start..c.End], c.Text));
    }

    [Fact]
    public void HeaderWithOnlyOneMatchingRowIsNotATable()
    {
        var blocks = TextBlockParser.Parse("Intro text here.\n\nCity\nJanuary\n\nOslo\nHigh\n\nClosing sentence.");

        Assert.DoesNotContain(blocks, b => b.Kind == TextBlockKind.Table);
    }

    [Fact]
    public void MarkdownPipeTableIsReadAsATable()
    {
        const string text = "Positions:\n\n| Issue | U.S. | Russia |\n|---|---|---|\n| Aid | More access | Fair share |\n| Borders | Restore | Recognise |";

        var table = TextBlockParser.Parse(text).Single(b => b.Kind == TextBlockKind.Table).Table!;

        Assert.Equal(["Issue", "U.S.", "Russia"], table.Columns.Select(c => c.Text));
        Assert.Equal("Fair share", table.Cell(0, 2).Text);
    }

    [Fact]
    public async Task SeedArticleAgendaTableGivesEachPartysPositionPerAgendaPoint()
    {
        var article = await SeedArticles.LoadAsync(SeedArticles.WithTable);

        var table = TextBlockParser.Parse(article.Text).First(b => b.Kind == TextBlockKind.Table).Table!;

        var column = table.Columns.Select((c, i) => (c, i)).Single(x => x.c.Text == "Russia’s Position").i;
        var row = table.Rows.Single(r => r.Label.Text == "Humanitarian Aid");
        Assert.Equal("Calls for equitable distribution of aid", row.Cells[column].Text);
    }

    [Fact]
    public void ShortLinesWithoutFinalPunctuationBetweenParagraphLinesAreHeadings()
    {
        var blocks = TextBlockParser.Parse("Talks Begin\nThe delegations met on Monday.\nWhat Comes Next\nA second round is planned.");

        Assert.Equal(
            [TextBlockKind.Heading, TextBlockKind.Paragraph, TextBlockKind.Heading, TextBlockKind.Paragraph],
            blocks.Select(b => b.Kind));
    }

    [Fact]
    public void ShortLastLineIsNotAHeading()
    {
        var blocks = TextBlockParser.Parse("The delegations met on Monday.\nMore to follow");

        Assert.Equal(TextBlockKind.Paragraph, blocks[^1].Kind);
    }

    [Fact]
    public void ConsecutiveLabelLinesFormOneList()
    {
        var blocks = TextBlockParser.Parse(
            "Concerns include:\n\nTrust: Allies may doubt commitments.\nAnxiety: Neighbours may feel exposed.\n\nThat is all.");

        var list = Assert.Single(blocks, b => b.Kind == TextBlockKind.List);
        Assert.Equal(2, list.Lines.Count);
    }

    [Fact]
    public void SingleLabelLineBeforeProseIsAHeading()
    {
        var blocks = TextBlockParser.Parse("Conclusion: A Cautious Path\nThe talks represent a cautious move.");

        Assert.Equal([TextBlockKind.Heading, TextBlockKind.Paragraph], blocks.Select(b => b.Kind));
    }

    [Fact]
    public void BulletLinesFormOneList()
    {
        var blocks = TextBlockParser.Parse("Demands:\n- a ceasefire\n- elections\n- sanctions relief\nTalks continue.");

        Assert.Equal(3, Assert.Single(blocks, b => b.Kind == TextBlockKind.List).Lines.Count);
    }

    [Fact]
    public void LinesOfABlankLineSeparatedParagraphStayOneParagraph()
    {
        var blocks = TextBlockParser.Parse("First line of a wrapped paragraph that goes on\nand ends here.\n\nNext paragraph.");

        Assert.Equal(2, blocks.Count);
        Assert.Equal("First line of a wrapped paragraph that goes on\nand ends here.", blocks[0].Span.Text);
    }

    [Fact]
    public void MarkdownHeadingTitleDropsTheHashMarks()
    {
        var blocks = TextBlockParser.Parse("## Outlook\n\nTalks go on.");

        Assert.Equal("Outlook", blocks[0].Title);
    }
}
