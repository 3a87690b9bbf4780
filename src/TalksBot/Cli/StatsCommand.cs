using System.CommandLine;
using Spectre.Console;
using TalksBot.Analytics;
using TalksBot.Analytics.Reports;

namespace TalksBot.Cli;

/// <summary><c>talksbot stats [--since DATE|yesterday|7d] [--top N]</c>: question volume, outcomes, feedback, latency, most-cited articles and gaps; never who asked.</summary>
internal static class StatsCommand
{
    public static Command Create(Option<string[]> config)
    {
        var since = new Option<string?>("--since") { Description = "Only questions asked since then: " + SinceExpression.Accepted + "." };
        var top = new Option<int>("--top") { Description = "How many cited articles and gaps to show.", DefaultValueFactory = _ => 10 };
        var command = new Command("stats", "Show what was asked and how it went (no user ids).") { since, top };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, config, async (services, token) =>
        {
            var n = parse.GetValue(top);
            if (n < 1)
            {
                CliHost.WriteError("--top must be at least 1.");
                return ExitCodes.Configuration;
            }

            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } text)
            {
                if (!SinceExpression.TryParse(text, TimeProvider.System.GetUtcNow(), out var parsed))
                {
                    CliHost.WriteError($"--since '{text}' is not a time I can read; write {SinceExpression.Accepted}.");
                    return ExitCodes.Configuration;
                }

                from = parsed;
            }

            var report = await services.Get<AnalyticsStore>().GetReportAsync(from, n, token);
            foreach (var t in AnalyticsReportRenderer.ToTables(report))
            {
                var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(t.Title));
                foreach (var column in t.Columns)
                    table.AddColumn(Markup.Escape(column));
                foreach (var row in t.Rows)
                    table.AddRow([.. row.Select(Markup.Escape)]);
                if (t.Rows.Count == 0)
                    CliConsole.Out.WriteLine($"{t.Title}: none.");
                else
                    CliConsole.Out.Write(table);
            }

            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
