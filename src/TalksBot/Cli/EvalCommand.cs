using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TalksBot.Core.Answering;
using TalksBot.Core.Evaluation;
using TalksBot.Indexing;

namespace TalksBot.Cli;

/// <summary>
/// <c>talksbot eval</c>: runs a Q&amp;A suite through the same path as <c>ask</c> and reports how well the bot answers,
/// optionally beside the naive baseline. With an article set (<c>--articles</c>, or the one the suite's header names) it
/// indexes that set into its own throw-away collection, so the served index neither changes the figures nor is changed.
/// </summary>
internal static class EvalCommand
{
    private const string BotAnswerer = "bot";

    public static Command Create(Option<string[]> config)
    {
        var suite = new Option<string>("--suite") { Description = "The Q&A suite (JSONL).", DefaultValueFactory = _ => "data/qa/talks-qa.jsonl" };
        var articles = new Option<string?>("--articles")
        {
            Description = "Index this article folder into a throw-away collection for the run (default: the folder the suite's header names, else the served index).",
        };
        var part = new Option<string>("--part")
        {
            Description = "Which items to ask: all, train (may be tuned on) or heldout (never tuned on; the figures to report).",
            DefaultValueFactory = _ => "all",
        };
        part.AcceptOnlyFromAmong("all", "train", "heldout");
        var answerer = new Option<string>("--answerer")
        {
            Description = "bot (the configured answerer) or baseline (BM25, top passage, sentence with most question words).",
            DefaultValueFactory = _ => BotAnswerer,
        };
        answerer.AcceptOnlyFromAmong(BotAnswerer, TopPassageBaselineAnswerer.AnswererName);
        var compare = new Option<bool>("--compare-baseline") { Description = "Also run the baseline on the same items and index, and report both side by side." };
        var json = new Option<string?>("--json") { Description = "Also write the full report as JSON to this file." };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report (charts and failures) to this file." };
        var minAccuracy = new Option<double?>("--min-accuracy") { Description = "Exit with code 4 when answer accuracy over all items (0–1) is below this, e.g. 0.9." };
        var minCitations = new Option<double?>("--min-citations") { Description = "Exit with code 4 when citations right (of answerable answered, 0–1) is below this." };
        var maxFalseAbstentions = new Option<double?>("--max-false-abstentions") { Description = "Exit with code 4 when answerable abstained (0–1) is above this." };
        var minUnanswerable = new Option<double?>("--min-unanswerable-abstentions") { Description = "Exit with code 4 when unanswerable abstained (0–1) is below this." };
        var command = new Command("eval", "Evaluate answers against a Q&A suite: accuracy, citations, abstention, per question kind, coverage, retrieval and latency.")
        {
            suite, articles, part, answerer, compare, json, html, minAccuracy, minCitations, maxFalseAbstentions, minUnanswerable,
        };
        command.SetAction(async (parse, ct) =>
        {
            Option<double?>[] fractions = [minAccuracy, minCitations, maxFalseAbstentions, minUnanswerable];
            if (fractions.FirstOrDefault(o => parse.GetValue(o) is < 0 or > 1) is { } bad)
            {
                CliHost.WriteError($"{bad.Name} is a fraction between 0 and 1, e.g. 0.9.");
                return ExitCodes.Configuration;
            }

            // Read and validate the whole suite before starting anything: a bad line stops the run with its line number.
            QaSuite qa;
            try
            {
                qa = await QaSuiteReader.ReadFileAsync(parse.GetRequiredValue(suite), ct);
            }
            catch (Exception ex) when (ex is QaSuiteException or IOException or UnauthorizedAccessException)
            {
                CliHost.WriteError(ex.Message);
                return ExitCodes.Configuration;
            }

            var suitePart = EvaluationPart.Parse(parse.GetRequiredValue(part)) ?? SuitePart.All;
            var selected = HeldOutSplit.Select(qa, suitePart);
            if (selected.Items.Count == 0)
            {
                CliHost.WriteError($"the {parse.GetRequiredValue(part)} part of suite \"{qa.Name}\" has no questions.");
                return ExitCodes.Configuration;
            }

            var folder = parse.GetValue(articles) ?? qa.Articles;
            if (folder is not null && !Directory.Exists(folder))
            {
                CliHost.WriteError($"the article folder \"{folder}\" does not exist.");
                return ExitCodes.Configuration;
            }

            using var index = folder is null ? null : EvaluationIndex.Create(folder);
            var run = new EvalRun(selected, suitePart, index, parse.GetRequiredValue(answerer) == TopPassageBaselineAnswerer.AnswererName, parse.GetValue(compare));
            return await CliHost.RunAsync(parse, config, async (services, token) =>
            {
                var report = await run.RunAsync(services, token);
                EvalConsoleReport.Print(report, CliConsole.Out);
                if (parse.GetValue(json) is { } jsonPath)
                    await WriteReportAsync(jsonPath, p => EvaluationJsonWriter.WriteFileAsync(report, p, token));
                if (parse.GetValue(html) is { } htmlPath)
                    await WriteReportAsync(htmlPath, p => EvaluationHtmlWriter.WriteFileAsync(report, p, token));

                var squad = report.Summary.Squad;
                List<GateCheck> gates = [];
                if (parse.GetValue(minAccuracy) is { } a)
                    gates.Add(GateCheck.AtLeast("answer accuracy", report.Summary.AnswerAccuracy, a));
                if (parse.GetValue(minCitations) is { } c)
                    gates.Add(GateCheck.AtLeast("citations right", squad.CitationsRight, c));
                if (parse.GetValue(maxFalseAbstentions) is { } f)
                    gates.Add(GateCheck.AtMost("answerable abstained", squad.AnswerableAbstained, f));
                if (parse.GetValue(minUnanswerable) is { } u)
                    gates.Add(GateCheck.AtLeast("unanswerable abstained", squad.UnanswerableAbstained, u));
                foreach (var gate in gates)
                    CliConsole.Out.MarkupLine(gate.Passed ? $"[green]{Markup.Escape(gate.Message)}[/]" : $"[red]{Markup.Escape(gate.Message)}[/]");
                return gates.All(g => g.Passed) ? ExitCodes.Success : ExitCodes.BelowThreshold;
            }, ct, overrides: index?.Overrides);
        });
        return command;
    }

    private static async Task WriteReportAsync(string path, Func<string, Task> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await write(full);
        CliConsole.Out.MarkupLine($"[grey]Wrote {Markup.Escape(full)}[/]");
    }

    /// <summary>One eval run inside the started host: index (or check the served index), ask, then remove what it built.</summary>
    private sealed record EvalRun(QaSuite Suite, SuitePart Part, EvaluationIndex? Index, bool BaselineOnly, bool CompareBaseline)
    {
        // Progress only where someone watches it: redirected, a progress bar would leave a stale snapshot in the log.
        private static bool ShowProgress => !Console.IsOutputRedirected && CliConsole.Error.Profile.Capabilities.Interactive;

        public async Task<EvaluationReport> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            try
            {
                if (Index is not null)
                {
                    var built = await Index.BuildAsync(services, ShowProgress ? CliConsole.Error : null, cancellationToken);
                    Suite.EnsureSourcesExist([.. built.Added, .. built.Changed, .. built.Unchanged]);
                    CliConsole.Error.MarkupLine($"[grey]Indexed {built.ArticleCount} articles, {built.PassageCount} passages from " +
                                                $"{Markup.Escape(Index.ArticlesPath)} into {Markup.Escape(built.Collection)} for this run[/]" +
                                                (built.Skipped.Count > 0 ? $" [yellow]({built.Skipped.Count} file(s) skipped)[/]" : ""));
                }
                else
                {
                    await services.Get<ArticleIndexService>().EnsureServingAsync(CliConsole.Error, cancellationToken);
                }

                var baseline = services.GetRequiredKeyedService<IAskService>(TopPassageBaselineAnswerer.AnswererName);
                var report = await AskAllAsync(BaselineOnly ? baseline : services.Get<IAskService>(), cancellationToken);
                if (CompareBaseline && !BaselineOnly)
                    report = report with { Baseline = await AskAllAsync(baseline, cancellationToken) };
                return report;
            }
            finally
            {
                if (Index is not null)
                    await DeleteIndexAsync(services);
            }
        }

        private async Task<EvaluationReport> AskAllAsync(IAskService ask, CancellationToken cancellationToken)
        {
            var runner = new EvaluationRunner();
            EvaluationReport report;
            if (!ShowProgress)
            {
                report = await runner.RunAsync(Suite, ask, progress: null, cancellationToken);
            }
            else
            {
                report = null!;
                await CliConsole.Error.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask($"Asking {Suite.Items.Count} questions", maxValue: Suite.Items.Count);
                        var progress = new SynchronousProgress<EvaluationProgress>(p =>
                        {
                            task.Value = p.Completed;
                            task.Description = $"Asked {p.Completed}/{p.Total} · {p.CorrectSoFar} correct";
                        });
                        report = await runner.RunAsync(Suite, ask, progress, cancellationToken);
                    });
            }

            return report with
            {
                Part = Part,
                Articles = Index?.ArticlesPath,
                ArticlesFingerprint = Index is { } index ? EvaluationProvenance.ArticlesFingerprint(index.ArticlesPath) : null,
                Commit = EvaluationProvenance.Commit(Environment.CurrentDirectory),
            };
        }

        private async Task DeleteIndexAsync(IServiceProvider services)
        {
            try
            {
                await Index!.DeleteAsync(services);
            }
            catch (Exception e) when (e is TalksBot.Qdrant.Store.QdrantException or OperationCanceledException)
            {
                // The run's outcome stands; say what is left so it can be removed by hand.
                CliHost.WriteError($"could not remove the eval index {Index!.Alias} ({Index.CollectionPrefix}_v*): {e.Message}");
            }
        }
    }
}
