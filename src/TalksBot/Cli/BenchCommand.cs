using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Spectre.Console;
using TalksBot.Core.Evaluation;
using TalksBot.Core.Retrieval;

namespace TalksBot.Cli;

/// <summary>
/// <c>talksbot bench --query TEXT [--repeat N]</c>: the latency of the hybrid query against the served index. The question is
/// embedded once beforehand, so the figures are Qdrant's round trip (BM25 and dense prefetches, RRF) plus reading the
/// passages back, not the embedding model.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(Option<string[]> config)
    {
        var query = new Option<string>("--query") { Description = "The question to search for.", Required = true };
        var repeat = new Option<int>("--repeat") { Description = "How many timed searches.", DefaultValueFactory = _ => 200 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed searches first (connection set-up, JIT).", DefaultValueFactory = _ => 20 };
        var limit = new Option<int>("--limit") { Description = "Passages per search, as ask uses.", DefaultValueFactory = _ => 5 };
        var command = new Command("bench", "Measure the hybrid query against the served index: p50 / p95 / max over --repeat searches.")
        {
            query, repeat, warmup, limit,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, config, async (services, token) =>
        {
            var (n, w, k) = (parse.GetValue(repeat), parse.GetValue(warmup), parse.GetValue(limit));
            if (n < 1 || w < 0 || k < 1)
            {
                CliHost.WriteError("--repeat and --limit must be at least 1, --warmup at least 0.");
                return ExitCodes.Configuration;
            }

            var text = parse.GetRequiredValue(query);
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
            CliConsole.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hybrid query, {n} searches after {w} warm-up: p50 {Ms(summary.P50)} ms · p95 {Ms(summary.P95)} ms · max {Ms(summary.Max)} ms"));
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture);
}
