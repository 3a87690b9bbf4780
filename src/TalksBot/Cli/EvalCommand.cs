using System.CommandLine;
using Spectre.Console;
using TalksBot.Core.Answering;
using TalksBot.Core.Evaluation;
using TalksBot.Indexing;

namespace TalksBot.Cli;

/// <summary><c>talksbot eval</c>: runs a Q&amp;A suite through the same path as <c>ask</c> and reports how well the bot answers.</summary>
internal static class EvalCommand
{
    public static Command Create(Option<string[]> config)
    {
        var suite = new Option<string>("--suite") { Description = "The Q&A suite (JSONL).", DefaultValueFactory = _ => "data/qa/talks-qa.jsonl" };
        var json = new Option<string?>("--json") { Description = "Also write the full report as JSON to this file." };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report (chart and failures) to this file." };
        var minAccuracy = new Option<double?>("--min-accuracy") { Description = "Exit with code 4 when answer accuracy (0–1) is below this, e.g. 0.9." };
        var command = new Command("eval", "Evaluate answers against a Q&A suite: accuracy, citations, abstention, retrieval and latency.")
        {
            suite, json, html, minAccuracy,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(minAccuracy) is < 0 or > 1)
            {
                CliHost.WriteError("--min-accuracy is a fraction between 0 and 1, e.g. 0.9.");
                return ExitCodes.Configuration;
            }

            // Read and validate the whole suite before starting anything: a bad line stops the run with its line number.
            QaSuite qa;
            try
            {
                qa = await QaSuiteReader.ReadFileAsync(parse.GetRequiredValue(suite), ct);
            }
            catch (Exception ex) when (ex is QaSuiteException or IOException)
            {
                CliHost.WriteError(ex.Message);
                return ExitCodes.Configuration;
            }

            return await CliHost.RunAsync(parse, config, async (services, token) =>
            {
                await services.Get<ArticleIndexService>().EnsureServingAsync(CliConsole.Error, token);
                var report = await RunWithProgressAsync(qa, services.Get<IAskService>(), token);

                var rows = EvaluationSummaryRows.For(report.Summary);
                PrintSummary(report, rows);
                if (parse.GetValue(json) is { } jsonPath)
                    await WriteReportAsync(jsonPath, p => EvaluationJsonWriter.WriteFileAsync(report, p, token));
                if (parse.GetValue(html) is { } htmlPath)
                    await WriteReportAsync(htmlPath, p => EvaluationHtmlWriter.WriteFileAsync(report, p, token));

                if (parse.GetValue(minAccuracy) is { } minimum)
                {
                    var check = report.Summary.CheckAccuracy(minimum);
                    CliConsole.Out.MarkupLine(check.Passed ? $"[green]{Markup.Escape(check.Message)}[/]" : $"[red]{Markup.Escape(check.Message)}[/]");
                    if (!check.Passed)
                        return ExitCodes.BelowThreshold;
                }
                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    private static async Task<EvaluationReport> RunWithProgressAsync(QaSuite qa, IAskService ask, CancellationToken cancellationToken)
    {
        EvaluationReport report = null!;
        await CliConsole.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Asking {qa.Items.Count} questions", maxValue: qa.Items.Count);
                var progress = new Indexing.SynchronousProgress<EvaluationProgress>(p =>
                {
                    task.Value = p.Completed;
                    task.Description = $"Asked {p.Completed}/{p.Total} · {p.CorrectSoFar} correct";
                });
                report = await new EvaluationRunner().RunAsync(qa, ask, progress, cancellationToken);
            });
        return report;
    }

    private static void PrintSummary(EvaluationReport report, IReadOnlyList<SummaryRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(report.SuiteName)} · {report.Results.Count} questions · {Markup.Escape(report.Answerer)}");
        table.AddColumn("Metric");
        table.AddColumn(new TableColumn("Value").RightAligned());
        foreach (var row in rows)
        {
            var value = Markup.Escape(row.Formatted);
            if (row.Kind == SummaryRowKind.Rate && row.Value is { } v)
                value = v >= 0.9 ? $"[green]{value}[/]" : v >= 0.7 ? $"[yellow]{value}[/]" : $"[red]{value}[/]";
            table.AddRow(Markup.Escape(row.Label), value);
        }
        CliConsole.Out.Write(table);
    }

    private static async Task WriteReportAsync(string path, Func<string, Task> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await write(full);
        CliConsole.Out.MarkupLine($"[grey]Wrote {Markup.Escape(full)}[/]");
    }
}
