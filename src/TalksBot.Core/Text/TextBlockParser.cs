using System.Text.RegularExpressions;

namespace TalksBot.Core.Text;

/// <summary>
/// Finds the structure of article text: headings, paragraphs, lists and tables, with offsets.
/// Blocks are separated by blank lines; where an article has none (one paragraph per line), by lines.
/// A table is recognised in two layouts: Markdown pipe tables, and the one-cell-per-line layout that
/// web-to-text conversion produces — a block of N short column labels (N = 2..6) followed by at least
/// two blank-line-separated blocks of exactly N lines each.
/// </summary>
internal static partial class TextBlockParser
{
    private const int MaxHeadingLength = 100;
    private const int MaxHeadingWords = 14;
    private const int MaxColumnLabelLength = 60;
    private const int MaxCellLength = 150;
    private const int MinWrappedLineLength = 60;

    private enum LineKind
    {
        Text,
        MarkdownHeading,
        Bullet,
        Label,
    }

    /// <summary>Splits <paramref name="text"/> into blocks in reading order; blank lines belong to no block.</summary>
    public static IReadOnlyList<TextBlock> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var groups = BlankLineSeparatedGroups(text);
        var blankLineMode = groups.Count > 1;
        var blocks = new List<TextBlock>();
        for (var g = 0; g < groups.Count;)
        {
            if (TryParseCellTable(text, groups, g, out var table, out var consumed))
            {
                blocks.Add(table);
                g += consumed;
                continue;
            }

            if (TryParsePipeTable(text, groups[g], out table))
            {
                blocks.Add(table);
                g++;
                continue;
            }

            SplitGroup(text, groups[g], blankLineMode, isLastGroup: g == groups.Count - 1, blocks);
            g++;
        }

        return blocks;
    }

    /// <summary>True for a line that reads as a heading: short, capitalised, without sentence-final punctuation.</summary>
    public static bool IsHeadingLike(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxHeadingLength || !trimmed.Any(char.IsLetter))
        {
            return false;
        }

        var first = trimmed[0];
        if (!(char.IsUpper(first) || char.IsDigit(first) || first is '"' or '“' or '‘' or '\''))
        {
            return false;
        }

        return trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxHeadingWords
            && !SentenceSplitter.EndsWithSentenceStop(trimmed)
            && trimmed[^1] is not (':' or ';' or ',');
    }

    private static List<List<TextSegment>> BlankLineSeparatedGroups(string text)
    {
        var groups = new List<List<TextSegment>>();
        List<TextSegment>? current = null;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            var line = TextSegment.Trimmed(text, lineStart, lineEnd);
            if (line.Text.Length > 0)
            {
                current ??= [];
                current.Add(line);
            }
            else if (current is not null)
            {
                groups.Add(current);
                current = null;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }

        if (current is not null)
        {
            groups.Add(current);
        }

        return groups;
    }

    private static bool TryParseCellTable(string text, List<List<TextSegment>> groups, int header, out TextBlock table, out int consumed)
    {
        table = null!;
        consumed = 0;
        var columns = groups[header];
        if (columns.Count is < 2 or > 6 || !columns.All(IsColumnLabel))
        {
            return false;
        }

        var rows = new List<TextTableRow>();
        for (var g = header + 1; g < groups.Count && groups[g].Count == columns.Count && groups[g].All(IsCell); g++)
        {
            rows.Add(new TextTableRow(groups[g]));
        }

        // One matching block could be chance (a two-line title then a two-line paragraph); two rows rarely are.
        if (rows.Count < 2)
        {
            return false;
        }

        consumed = rows.Count + 1;
        var lines = columns.Concat(rows.SelectMany(r => r.Cells)).ToList();
        table = new TextBlock(TextBlockKind.Table, TextSegment.Of(text, columns[0].Start, rows[^1].End), lines, new TextTable(columns, rows));
        return true;
    }

    private static bool IsColumnLabel(TextSegment line) =>
        line.Text.Length <= MaxColumnLabelLength && ClassifyLine(line.Text) is LineKind.Text && line.Text.Any(char.IsLetterOrDigit)
        && !SentenceSplitter.EndsWithSentenceStop(line.Text) && line.Text[^1] is not (':' or ';' or ',');

    private static bool IsCell(TextSegment line) =>
        line.Text.Length <= MaxCellLength && ClassifyLine(line.Text) is LineKind.Text or LineKind.Label;

    private static bool TryParsePipeTable(string text, List<TextSegment> group, out TextBlock table)
    {
        table = null!;
        if (group.Count < 3 || !group.All(l => l.Text.StartsWith('|')) || !PipeSeparatorRow().IsMatch(group[1].Text))
        {
            return false;
        }

        var columns = PipeCells(text, group[0]);
        var rows = new List<TextTableRow>();
        foreach (var line in group.Skip(2))
        {
            var cells = PipeCells(text, line);
            if (cells.Count != columns.Count)
            {
                return false;
            }

            rows.Add(new TextTableRow(cells));
        }

        if (columns.Count < 2 || columns.Any(c => c.End == c.Start))
        {
            return false;
        }

        table = new TextBlock(TextBlockKind.Table, TextSegment.Of(text, group[0].Start, group[^1].End), group, new TextTable(columns, rows));
        return true;
    }

    private static List<TextSegment> PipeCells(string text, TextSegment line)
    {
        var cells = new List<TextSegment>();
        var end = line.Text.EndsWith('|') && line.Text.Length > 1 ? line.End - 1 : line.End;
        var cellStart = line.Start + 1;
        for (var i = cellStart; i <= end; i++)
        {
            if (i < end && text[i] != '|')
            {
                continue;
            }

            cells.Add(TextSegment.Trimmed(text, cellStart, i));
            cellStart = i + 1;
        }

        return cells;
    }

    private static void SplitGroup(string text, List<TextSegment> lines, bool blankLineMode, bool isLastGroup, List<TextBlock> blocks)
    {
        var current = new List<TextSegment>();
        TextBlockKind? currentKind = null;

        void Flush()
        {
            if (currentKind is { } kind && current.Count > 0)
            {
                blocks.Add(new TextBlock(kind, TextSegment.Of(text, current[0].Start, current[^1].End), [.. current]));
            }

            current.Clear();
            currentKind = null;
        }

        void Start(TextBlockKind kind, TextSegment line)
        {
            Flush();
            currentKind = kind;
            current.Add(line);
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var kind = ClassifyLine(line.Text);
            var somethingFollows = i + 1 < lines.Count || !isLastGroup;
            var nextKind = i + 1 < lines.Count ? ClassifyLine(lines[i + 1].Text) : LineKind.Text;
            var nextRunsOn = i + 1 < lines.Count && char.IsLower(lines[i + 1].Text[0]);
            var listItem = kind == LineKind.Bullet
                || kind == LineKind.Label && (currentKind == TextBlockKind.List || nextKind is LineKind.Label or LineKind.Bullet);

            if (kind == LineKind.MarkdownHeading)
            {
                Start(somethingFollows ? TextBlockKind.Heading : TextBlockKind.Paragraph, line);
                Flush();
            }
            else if (listItem)
            {
                if (currentKind == TextBlockKind.List)
                {
                    current.Add(line);
                }
                else
                {
                    Start(TextBlockKind.List, line);
                }
            }
            else if (currentKind == TextBlockKind.Paragraph && (blankLineMode || RunsOn(current[^1].Text)))
            {
                current.Add(line);
            }
            else if (somethingFollows && !nextRunsOn && IsHeadingLike(line.Text))
            {
                Start(TextBlockKind.Heading, line);
                Flush();
            }
            else
            {
                Start(TextBlockKind.Paragraph, line);
            }
        }

        Flush();
    }

    // A long line that stops mid-sentence was wrapped: the next line continues the same paragraph.
    private static bool RunsOn(string line) =>
        line.Length >= MinWrappedLineLength && !SentenceSplitter.EndsWithSentenceStop(line) && line[^1] != ':';

    private static LineKind ClassifyLine(string line) =>
        MarkdownHeading().IsMatch(line) ? LineKind.MarkdownHeading
        : Bullet().IsMatch(line) ? LineKind.Bullet
        : LabelLine().IsMatch(line) ? LineKind.Label
        : LineKind.Text;

    [GeneratedRegex(@"^#{1,6}\s+\S")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^(?:[-*+•–—▪◦]|\d{1,2}[.)])\s+\S")]
    private static partial Regex Bullet();

    // "Erosion of Trust: Without consultation, …" — a short capitalised label, a colon, then text.
    [GeneratedRegex(@"^[\p{Lu}\d][^:.!?]{0,60}:\s+\S")]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex PipeSeparatorRow();
}
