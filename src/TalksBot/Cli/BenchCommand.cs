using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Spectre.Console;
using TalksBot.Bench;
using TalksBot.Core.Evaluation;
using TalksBot.Core.Retrieval;
using TalksBot.Indexing;

namespace TalksBot.Cli;

/// <summary>
/// <c>talksbot bench [--scale N] [--questions N] [--json FILE]</c>: where the time goes. Builds its own index (own alias
/// and collection prefix, deleted at the end) from the article set or a synthetic corpus of about N passages made from
/// it, and times in one process the embedder alone, the raw upsert alone, the whole ingest, and each question's
/// embedding, raw hybrid query and full answer; then prints the figures and the targets they meet or miss.
/// <c>talksbot bench --query TEXT</c> times the hybrid query alone against the served index instead.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(Option<string[]> config)
    {
        var scale = new Option<int?>("--scale") { Description = "Bench a synthetic corpus of about N passages made from the article set, instead of the set itself." };
        var questions = new Option<int>("--questions") { Description = "Timed questions (the talks suite's, cycled).", DefaultValueFactory = _ => 1000 };
        var json = new Option<string?>("--json") { Description = "Also write the figures as JSON to this file." };
        var articles = new Option<string>("--articles") { Description = "The article set to bench with.", DefaultValueFactory = _ => "data/articles" };
        var suite = new Option<string>("--suite") { Description = "Where the questions come from (JSONL).", DefaultValueFactory = _ => "data/qa/talks-qa.jsonl" };
        var query = new Option<string?>("--query") { Description = "Only time this question's hybrid query against the served index." };
        var repeat = new Option<int>("--repeat") { Description = "With --query: how many timed searches.", DefaultValueFactory = _ => 200 };
        var warmup = new Option<int>("--warmup") { Description = "With --query: untimed searches first (connection set-up, JIT).", DefaultValueFactory = _ => 20 };
        var limit = new Option<int>("--limit") { Description = "With --query: passages per search, as ask uses.", DefaultValueFactory = _ => 5 };
        var command = new Command("bench", "Time ingest, answering and memory on a throw-away index and check them against the speed targets.")
        {
            scale, questions, json, articles, suite, query, repeat, warmup, limit,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(query) is { } text)
                return await ServedQueryAsync(parse, config, text, (parse.GetValue(repeat), parse.GetValue(warmup), parse.GetValue(limit)), ct);

            var (size, count) = (parse.GetValue(scale), parse.GetValue(questions));
            if (size is < 1 || count < 1)
            {
                CliHost.WriteError("--scale and --questions must be at least 1.");
                return ExitCodes.Configuration;
            }

            IReadOnlyList<string> asked;
            try
            {
                asked = [.. (await QaSuiteReader.ReadFileAsync(parse.GetRequiredValue(suite), ct)).Items.Select(i => i.Question)];
            }
            catch (Exception ex) when (ex is QaSuiteException or IOException or UnauthorizedAccessException)
            {
                CliHost.WriteError(ex.Message);
                return ExitCodes.Configuration;
            }

            var folder = Directory.CreateTempSubdirectory("talksbot-bench-").FullName;
            try
            {
                using var index = EvaluationIndex.Create(folder, "talks_bench_");
                return await CliHost.RunAsync(parse, config, async (services, token) =>
                {
                    BenchReport report;
                    AskBreakdown breakdown;
                    try
                    {
                        (report, breakdown) = await MeasureAsync(new BenchPlan(services, index, parse.GetRequiredValue(articles), size, asked, count), token);
                    }
                    finally
                    {
                        await index.DeleteAsync(services);
                    }

                    Print(report, breakdown, size);
                    if (parse.GetValue(json) is { } path)
                    {
                        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport), token);
                        CliConsole.Out.MarkupLine($"[grey]Wrote {Markup.Escape(Path.GetFullPath(path))}[/]");
                    }

                    return ExitCodes.Success;
                }, ct, overrides: index.Overrides);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    private sealed record BenchPlan(IServiceProvider Services, EvaluationIndex Index, string Articles, int? Scale, IReadOnlyList<string> Questions, int Count);

    private static async Task<(BenchReport Report, AskBreakdown Breakdown)> MeasureAsync(BenchPlan plan, CancellationToken cancellationToken)
    {
        // Bars only where someone watches: redirected, they would leave stale snapshots in the log.
        if (Console.IsErrorRedirected || !CliConsole.Error.Profile.Capabilities.Interactive)
            return await MeasureAsync(plan, BenchProgress.None, cancellationToken);

        (BenchReport, AskBreakdown) report = default;
        await CliConsole.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context => report = await MeasureAsync(plan, new BenchProgress(context), cancellationToken));
        return report;
    }

    private static async Task<(BenchReport Report, AskBreakdown Breakdown)> MeasureAsync(BenchPlan plan, BenchProgress progress, CancellationToken cancellationToken)
    {
        var run = new BenchRun(plan.Services, plan.Index, progress);
        await run.WriteCorpusAsync(plan.Articles, plan.Scale, cancellationToken);
        var (embedder, upsert) = await run.TimeEmbedderAndUpsertAsync(cancellationToken);
        var (passages, perSecond) = await run.IngestAsync(cancellationToken);
        var loaded = ProcessMemory.RssMb();
        var (ask, breakdown) = await run.AskAsync(plan.Questions, plan.Count, cancellationToken);
        var asked = ProcessMemory.RssMb();
        return (new BenchReport(ask, new IngestFigures(passages, perSecond, embedder, upsert), new MemoryFigures(loaded, asked),
            MachineFigures.Now()), breakdown);
    }

    private static void Print(BenchReport report, AskBreakdown breakdown, int? scale)
    {
        var (ask, ingest) = (report.Ask, report.Ingest);
        var figures = new Table().Border(TableBorder.Rounded)
            .Title(F($"Bench: {ingest.Passages} passages ({(scale is null ? "the article set" : "synthetic")}), {ask.Questions} questions"))
            .AddColumns("What", "Figure");
        figures.AddRow("ask p50 / p95 / p99", F($"{ask.P50Ms:F1} / {ask.P95Ms:F1} / {ask.P99Ms:F1} ms"));
        figures.AddRow("query embedding alone, p50", F($"{ask.EmbedQueryP50Ms:F1} ms"));
        figures.AddRow("raw Qdrant hybrid query, p50", F($"{ask.QdrantHybridP50Ms:F1} ms"));
        figures.AddRow("search layer (raw query + reading passages), p50", F($"{breakdown.SearchLayerP50Ms:F1} ms"));
        figures.AddRow("answerer alone on those passages, p50", F($"{breakdown.AnswererP50Ms:F1} ms"));
        figures.AddRow("p95 of embedding / raw query / search layer / answerer alone",
            string.Join(" / ", breakdown.PartsP95Ms.Select(p => p.ToString("F1", CultureInfo.InvariantCulture))) + " ms");
        figures.AddRow("ingest (load, chunk, embed, upsert, verify, swap)", F($"{ingest.PassagesPerSecond:F1} passages/s"));
        figures.AddRow("embedder alone", F($"{ingest.EmbedderPassagesPerSecond:F1} passages/s"));
        figures.AddRow("raw upsert alone", F($"{ingest.RawUpsertPassagesPerSecond:F1} passages/s"));
        figures.AddRow("RSS after load / after the questions", F($"{report.Memory.RssMbAfterLoad:F0} / {report.Memory.RssMbAfterQuestions:F0} MB"));
        figures.AddRow("machine", F($"{report.Machine.Cores} cores, load average {report.Machine.LoadAverage?.ToString("F2", CultureInfo.InvariantCulture) ?? "unknown"}"));
        CliConsole.Out.Write(figures);

        var targets = new Table().Border(TableBorder.Rounded)
            .Title(scale == 10_000 ? "Targets" : "Targets (set for --scale 10000; indicative at this size)")
            .AddColumns("Target", "Measured", "Verdict");
        foreach (var verdict in BenchTargets.Evaluate(report))
        {
            targets.AddRow(Markup.Escape(verdict.Target), Markup.Escape(verdict.Measured),
                verdict.Passed switch { true => "[green]PASS[/]", false => "[red]MISS[/]", null => "[grey]—[/]" });
        }

        CliConsole.Out.Write(targets);
    }

    private static async Task<int> ServedQueryAsync(ParseResult parse, Option<string[]> config, string text, (int Repeat, int Warmup, int Limit) run,
        CancellationToken cancellationToken)
    {
        var (n, w, k) = run;
        if (n < 1 || w < 0 || k < 1)
        {
            CliHost.WriteError("--repeat and --limit must be at least 1, --warmup at least 0.");
            return ExitCodes.Configuration;
        }

        return await CliHost.RunAsync(parse, config, async (services, token) =>
        {
            var vector = await services.Get<IEmbeddingGenerator<string, Embedding<float>>>().GenerateVectorAsync(text, cancellationToken: token);
            var search = services.Get<IPassageSearch>();
            var passageQuery = new PassageQuery(text, vector);
            for (var i = 0; i < w; i++)
                await search.SearchAsync(passageQuery, k, token);

            var latencies = new TimeSpan[n];
            for (var i = 0; i < n; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await search.SearchAsync(passageQuery, k, token);
                latencies[i] = Stopwatch.GetElapsedTime(started);
            }

            var summary = LatencySummary.Of(latencies);
            CliConsole.Out.WriteLine(F($"hybrid query, {n} searches after {w} warm-up: p50 {Ms(summary.P50)} ms · p95 {Ms(summary.P95)} ms · max {Ms(summary.Max)} ms"));
            return ExitCodes.Success;
        }, cancellationToken);
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
