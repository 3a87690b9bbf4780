using Spectre.Console;
using TalksBot.Core.Evaluation;

namespace TalksBot.Cli;

/// <summary>The eval report as console tables: the figures (beside the baseline's when it ran) and results per question kind.</summary>
internal static class EvalConsoleReport
{
    public static void Print(EvaluationReport report, IAnsiConsole console)
    {
        var runs = report.Baseline is { } baseline ? [report, baseline] : new[] { report };
        var title = $"{Markup.Escape(report.SuiteName)} · part {EvaluationPart.Name(report.Part)} · {report.Results.Count} questions · " +
                    (report.Articles is { } a ? $"articles {Markup.Escape(a)}" : "served index");
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn("Metric");
        foreach (var run in runs)
            table.AddColumn(new TableColumn(Markup.Escape(run.Answerer)).RightAligned());
        var rows = runs.Select(r => EvaluationSummaryRows.For(r.Summary)).ToList();
        foreach (var label in rows[0].Select(r => r.Label))
        {
            var cells = rows.Select(rs => rs.FirstOrDefault(r => r.Label == label) is { } row ? Colour(row) : "");
            table.AddRow([Markup.Escape(label), .. cells]);
        }

        console.Write(table);
        console.Write(KindTable(runs));
    }

    private static Table KindTable(EvaluationReport[] runs)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("By question kind: answers right (answerable) · unanswerable abstained");
        table.AddColumn("Kind");
        table.AddColumn(new TableColumn("Questions").RightAligned());
        foreach (var run in runs)
        {
            table.AddColumn(new TableColumn($"{Markup.Escape(run.Answerer)} right").RightAligned());
            table.AddColumn(new TableColumn($"{Markup.Escape(run.Answerer)} abstained").RightAligned());
        }

        foreach (var kind in runs[0].Summary.Kinds)
        {
            List<string> cells = [kind.Kind.ToString(), kind.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            foreach (var run in runs)
            {
                var same = run.Summary.Kinds.FirstOrDefault(k => k.Kind == kind.Kind);
                cells.Add(same is null ? "" : Markup.Escape(Percent(same.AnswersRight)));
                cells.Add(same is null ? "" : Markup.Escape(Percent(same.UnanswerableAbstained)));
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    private static string Percent(Rate rate) =>
        rate.Value is { } v ? $"{v * 100:0.0}% ({rate.Hits}/{rate.Total})" : "n/a";

    private static string Colour(SummaryRow row)
    {
        var value = Markup.Escape(row.Formatted);
        return row.Kind == SummaryRowKind.Rate && row.Value is { } v
            ? v >= 0.9 ? $"[green]{value}[/]" : v >= 0.7 ? $"[yellow]{value}[/]" : $"[red]{value}[/]"
            : value;
    }
}
