using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using TalksBot.Core.Answering;
using TalksBot.Core.Evaluation;
using TalksBot.Indexing;

namespace TalksBot.Cli;

/// <summary>
/// <c>talksbot soak [--minutes M] [--rate R]</c>: asks the suite's questions at a steady rate for a while, as many
/// members in many conversations, and reports latency and memory minute by minute. Memory must level off: a process
/// that grows with every question (conversations never forgotten, caches never bounded) fails after days, not in a test.
/// </summary>
internal static class SoakCommand
{
    // Enough distinct members that conversation memory reaches its bound (Answering:MaxConversations) and must evict.
    private const int Members = 5000;

    public static Command Create(Option<string[]> config)
    {
        var minutes = new Option<double>("--minutes") { Description = "How long to ask, in minutes (fractions allowed).", DefaultValueFactory = _ => 10 };
        var rate = new Option<double>("--rate") { Description = "Questions per second, steady.", DefaultValueFactory = _ => 20 };
        var suite = new Option<string>("--suite") { Description = "Where the questions come from (JSONL).", DefaultValueFactory = _ => "data/qa/talks-qa.jsonl" };
        var maxGrowth = new Option<double>("--max-growth")
        {
            Description = "Fail (exit 4) when memory at the end exceeds memory after the first minute by more than this share, e.g. 0.25.",
            DefaultValueFactory = _ => 0.25,
        };
        var json = new Option<string?>("--json") { Description = "Also write the minute-by-minute figures as JSON to this file." };
        var command = new Command("soak", "Ask questions at a steady rate for a while; report latency and memory (RSS) minute by minute.")
        {
            minutes, rate, suite, maxGrowth, json,
        };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, config, async (services, token) =>
        {
            var (duration, perSecond, growth) = (parse.GetValue(minutes), parse.GetValue(rate), parse.GetValue(maxGrowth));
            if (duration <= 0 || perSecond <= 0 || growth < 0)
            {
                CliHost.WriteError("--minutes and --rate must be above 0, --max-growth at least 0.");
                return ExitCodes.Configuration;
            }

            QaSuite questions;
            try
            {
                questions = await QaSuiteReader.ReadFileAsync(parse.GetRequiredValue(suite), token);
            }
            catch (Exception ex) when (ex is QaSuiteException or IOException or UnauthorizedAccessException)
            {
                CliHost.WriteError(ex.Message);
                return ExitCodes.Configuration;
            }

            await services.Get<ArticleIndexService>().EnsureServingAsync(CliConsole.Error, token);
            var run = new SoakRun(services.Get<IAskService>(), questions.Items.Select(i => i.Question).ToArray(), TimeSpan.FromMinutes(duration), perSecond);
            var minutesSeen = await RunWithProgressAsync(run, token);
            Print(minutesSeen);
            var verdict = Verdict(minutesSeen, growth);
            CliConsole.Out.MarkupLine(verdict.Passed ? $"[green]{Markup.Escape(verdict.Message)}[/]" : $"[red]{Markup.Escape(verdict.Message)}[/]");
            if (parse.GetValue(json) is { } path)
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { minutes = minutesSeen, verdict.Passed, verdict.Message }, JsonOptions), token);
                CliConsole.Out.MarkupLine($"[grey]Wrote {Markup.Escape(Path.GetFullPath(path))}[/]");
            }

            return verdict.Passed ? ExitCodes.Success : ExitCodes.BelowThreshold;
        }, ct));
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static async Task<IReadOnlyList<SoakMinute>> RunWithProgressAsync(SoakRun run, CancellationToken cancellationToken)
    {
        // Progress only where someone watches it: redirected, a bar would leave a stale snapshot in the log.
        if (Console.IsErrorRedirected || !CliConsole.Error.Profile.Capabilities.Interactive)
            return await run.RunAsync(onMinute: null, cancellationToken);

        IReadOnlyList<SoakMinute> result = [];
        await CliConsole.Error.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Soaking", maxValue: run.Duration.TotalSeconds);
                using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1));
                var soaking = run.RunAsync(minute => task.Description = string.Create(CultureInfo.InvariantCulture,
                    $"Soaking · minute {minute.Minute}: p99 {minute.P99Ms:F0} ms, RSS {minute.RssMb:F0} MB"), cancellationToken);
                while (!soaking.IsCompleted && await ticker.WaitForNextTickAsync(cancellationToken))
                    task.Value = Math.Min(run.Elapsed.TotalSeconds, run.Duration.TotalSeconds);
                result = await soaking;
                task.Value = task.MaxValue;
            });
        return result;
    }

    private static void Print(IReadOnlyList<SoakMinute> minutes)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Soak: latency and memory by minute")
            .AddColumns("Minute", "Questions", "Unavailable", "p50 ms", "p99 ms", "RSS MB", "Managed heap MB");
        foreach (var m in minutes)
        {
            table.AddRow(
                m.Minute.ToString(CultureInfo.InvariantCulture),
                m.Questions.ToString(CultureInfo.InvariantCulture),
                m.Failed.ToString(CultureInfo.InvariantCulture),
                m.P50Ms.ToString("F1", CultureInfo.InvariantCulture),
                m.P99Ms.ToString("F1", CultureInfo.InvariantCulture),
                m.RssMb.ToString("F0", CultureInfo.InvariantCulture),
                m.HeapMb.ToString("F0", CultureInfo.InvariantCulture));
        }

        CliConsole.Out.Write(table);
        if (minutes.Count > 1)
        {
            // Memory over time reads at a glance as bars; a steady bot shows bars of one length.
            var chart = new BarChart().Label("RSS (MB) by minute").Width(60);
            foreach (var m in minutes)
                chart.AddItem(m.Minute.ToString(CultureInfo.InvariantCulture), Math.Round(m.RssMb), Color.Blue);
            CliConsole.Out.Write(chart);
        }
    }

    // Compared with memory after the first minute, once the model, the caches and the JIT have warmed up.
    internal static (bool Passed, string Message) Verdict(IReadOnlyList<SoakMinute> minutes, double maxGrowth)
    {
        if (minutes.Count == 0)
            return (false, "No question was asked.");
        var warm = minutes[0].RssMb;
        var end = minutes[^1].RssMb;
        var grew = warm <= 0 ? 0 : (end - warm) / warm;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"RSS {warm:F0} MB after the first minute, {end:F0} MB at the end ({grew:+0%;-0%;0%}); limit +{maxGrowth:0%}. " +
            $"{minutes.Sum(m => m.Questions)} questions, {minutes.Sum(m => m.Failed)} not answered.");
        return (grew <= maxGrowth && minutes.Sum(m => m.Failed) == 0, message);
    }

    /// <summary>The questions of one run, asked on a steady schedule: a slow answer delays the next, never bunches them.</summary>
    private sealed class SoakRun(IAskService ask, string[] questions, TimeSpan duration, double perSecond)
    {
        private readonly Stopwatch _clock = new();

        public TimeSpan Duration => duration;

        public TimeSpan Elapsed => _clock.Elapsed;

        public async Task<IReadOnlyList<SoakMinute>> RunAsync(Action<SoakMinute>? onMinute, CancellationToken cancellationToken)
        {
            var minutes = new List<SoakMinute>();
            var latencies = new List<TimeSpan>();
            var failed = 0;
            var interval = TimeSpan.FromSeconds(1 / perSecond);
            var minuteEnds = TimeSpan.FromMinutes(1);
            _clock.Start();
            var due = TimeSpan.Zero;
            for (var n = 0; _clock.Elapsed < duration; n++)
            {
                if (due > _clock.Elapsed)
                    await Task.Delay(due - _clock.Elapsed, cancellationToken);
                // Behind schedule (a slow answer, a starved machine): carry on from now rather than burst to catch up,
                // which would measure a load the rate never asked for.
                due = Max(due, _clock.Elapsed) + interval;
                var member = (n * 7919) % Members;
                var started = Stopwatch.GetTimestamp();
                var result = await ask.AskAsync(new AskRequest(questions[n % questions.Length], $"soak/{member}"), cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(started));
                if (ReferenceEquals(result.Answer, Answer.IndexUnavailable))
                    failed++;
                if (_clock.Elapsed >= minuteEnds || _clock.Elapsed >= duration)
                {
                    var minute = SoakMinute.Of(minutes.Count + 1, latencies, failed);
                    minutes.Add(minute);
                    onMinute?.Invoke(minute);
                    (latencies, failed) = ([], 0);
                    minuteEnds += TimeSpan.FromMinutes(1);
                }
            }

            return minutes;
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }

    /// <summary>One minute of a soak: what was asked, how fast, and the process's memory at its end.</summary>
    internal sealed record SoakMinute(int Minute, int Questions, int Failed, double P50Ms, double P99Ms, double RssMb, double HeapMb)
    {
        public static SoakMinute Of(int minute, List<TimeSpan> latencies, int failed)
        {
            latencies.Sort();
            return new SoakMinute(
                minute,
                latencies.Count,
                failed,
                LatencySummary.NearestRank(latencies, 50).TotalMilliseconds,
                LatencySummary.NearestRank(latencies, 99).TotalMilliseconds,
                Bench.ProcessMemory.RssMb(),
                GC.GetTotalMemory(forceFullCollection: false) / 1048576.0);
        }
    }
}
