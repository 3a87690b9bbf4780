using TalksBot.Core.Retrieval;
using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>
/// Answers from a table in a retrieved passage: the row whose label is the question's topic, the column whose label
/// is its side ("What was the U.S. position on security concerns?" → U.S. Position × Security Concerns).
/// </summary>
internal sealed class TableCellAnswerer(TermMatcher matcher, SideFinder sides)
{
    public Answer? TryAnswer(QuestionAnalysis question, IReadOnlyList<RetrievedPassage> passages)
    {
        if (question.Terms.Count == 0)
        {
            return null;
        }

        (double Score, RetrievedPassage Source, TextTable Table, int Row, int Column)? best = null;
        foreach (var source in passages.OrderBy(p => p.Rank))
        {
            foreach (var table in TextBlockParser.Parse(source.Passage.Text).Select(b => b.Table).OfType<TextTable>())
            {
                if (ListsRows(question, table) is { } list)
                {
                    return list(source);
                }

                for (var r = 0; r < table.Rows.Count; r++)
                {
                    var row = Coverage(question, table.Rows[r].Label.Text, out var rowMatched);
                    if (row < 0.5)
                    {
                        continue;
                    }

                    for (var c = 1; c < table.Columns.Count; c++)
                    {
                        var label = table.Columns[c].Text;
                        var sideMatch = question.Side is { } side && sides.Find(label).Any(m => m.Side == side);
                        Coverage(question, label, out var columnMatched);
                        var matched = rowMatched.Union(columnMatched).Count();
                        if (!sideMatch && columnMatched.Count == 0 || question.Side is not null && !sideMatch)
                        {
                            continue;
                        }

                        var share = (matched + (sideMatch ? 1 : 0)) / (double)(question.Terms.Count + (question.Side is null ? 0 : 1));
                        if (share >= 0.6 && (best is null || share + row > best.Value.Score))
                        {
                            best = (share + row, source, table, r, c);
                        }
                    }
                }
            }
        }

        if (best is not { } b)
        {
            return null;
        }

        var cell = b.Table.Cell(b.Row, b.Column);
        var text = $"{b.Table.Columns[b.Column].Text} on {b.Table.Rows[b.Row].Label.Text}: {cell.Text}.";
        return AnswerFactory.Answer(text, [AnswerFactory.Cite(1, b.Source, cell.Start, cell.End)]);
    }

    // "Which agenda points ...?" names the first column's header: the answer is the row labels.
    private Func<RetrievedPassage, Answer>? ListsRows(QuestionAnalysis question, TextTable table)
    {
        var header = table.Columns[0];
        if (Coverage(question, header.Text, out var matched) < 0.99 || matched.Count < 1 || table.Rows.Count == 0)
        {
            return null;
        }

        var labels = string.Join("; ", table.Rows.Select(r => r.Label.Text));
        return source => AnswerFactory.Answer(
            $"{header.Text}: {labels}.",
            [AnswerFactory.Cite(1, source, header.Start, table.Rows[^1].Label.End)]);
    }

    // Share of the label's words the question asks about, and which question terms they were.
    private double Coverage(QuestionAnalysis question, string label, out List<QueryTerm> matched)
    {
        var labelTerms = WordTokenizer.Terms(label).Where(t => t.Length > 1).ToList();
        var set = labelTerms.ToHashSet(StringComparer.Ordinal);
        matched = [.. question.Terms.Where(t => matcher.Matches(t.Stem, set))];
        if (labelTerms.Count == 0)
        {
            return 0;
        }

        var questionSet = question.Terms.Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);
        return labelTerms.Count(l => matcher.Matches(l, questionSet)) / (double)labelTerms.Count;
    }
}
