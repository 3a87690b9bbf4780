using System.CommandLine;
using Spectre.Console;
using TalksBot.Analytics;
using TalksBot.Analytics.Reports;

namespace TalksBot.Cli;

/// <summary><c>talksbot stats [--since DATE] [--top N]</c>: question volume, outcomes, feedback, latency, most-cited articles and gaps; never who asked.</summary>
internal static class StatsCommand
{
    public static Command Create(Option<string[]> config)
    {
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only questions asked from this date/time on, e.g. 2025-02-18." };
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

            var report = await services.Get<SqliteAnalyticsStore>().GetReportAsync(parse.GetValue(since), n, token);
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
