using System.CommandLine;
using Spectre.Console;
using TalksBot.Indexing;

namespace TalksBot.Cli;

/// <summary><c>talksbot refresh [status|rollback|rollforward]</c>: rebuild the index from the article folder with zero downtime, or inspect / undo it.</summary>
internal static class RefreshCommand
{
    public static Command Create(Option<string[]> config)
    {
        var command = new Command("refresh",
            "Build a new index version from the article folder (re-embedding only added or changed articles), verify it, then switch questions to it.");
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, config, (services, token) => RefreshVerb.RunAsync(async () =>
        {
            var summary = await RefreshProgressBar.RunAsync(CliConsole.Error,
                progress => services.Get<ArticleIndexService>().RefreshAsync(Actors.Local, progress, token));
            Print(summary, CliConsole.Out);
            return summary.Skipped.Count > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
        }), ct));

        var status = new Command("status", "Show the running refresh's progress, or how the last one ended.");
        status.SetAction((parse, ct) => CliHost.RunAsync(parse, config, async (services, token) =>
        {
            var current = services.Get<ArticleIndexService>().GetStatus();
            CliConsole.Out.WriteLine(current is null ? "No refresh has run yet." : current.Finished ? current.Describe() : "Running: " + current.Describe());
            var manifest = await services.Get<TalksBot.Qdrant.Index.PassageIndexWriter>().GetServingManifestAsync(token);
            CliConsole.Out.WriteLine(manifest is null
                ? "Nothing is served yet."
                : $"Serving {manifest.Collection}: {manifest.ArticleCount} articles, {manifest.PassageCount} passages, built {manifest.BuiltAt:u}.");
            return ExitCodes.Success;
        }, ct));

        var rollback = new Command("rollback", "Serve the previous index version again, until the next refresh.");
        rollback.SetAction((parse, ct) => CliHost.RunAsync(parse, config, (services, token) => RefreshVerb.RunAsync(async () =>
        {
            var result = await services.Get<ArticleIndexService>().RollbackAsync(Actors.Local, token);
            CliConsole.Out.WriteLine($"Rolled back from {result.From} to {result.To}: {result.ArticleCount} articles, {result.PassageCount} passages " +
                                     $"(built {result.BuiltAt:u}). It stays served until the next refresh; `talksbot refresh rollforward` goes back to {result.From}.");
            return ExitCodes.Success;
        }), ct));

        var rollforward = new Command("rollforward", "Serve again the version the last rollback went back from (kept until the next refresh).");
        rollforward.SetAction((parse, ct) => CliHost.RunAsync(parse, config, (services, token) => RefreshVerb.RunAsync(async () =>
        {
            var result = await services.Get<ArticleIndexService>().RollforwardAsync(Actors.Local, token);
            CliConsole.Out.WriteLine($"Rolled forward from {result.From} to {result.To}: {result.ArticleCount} articles, {result.PassageCount} passages " +
                                     $"(built {result.BuiltAt:u}).");
            return ExitCodes.Success;
        }), ct));

        command.Subcommands.Add(status);
        command.Subcommands.Add(rollback);
        command.Subcommands.Add(rollforward);
        return command;
    }

    public static void Print(RefreshSummary summary, IAnsiConsole console)
    {
        console.WriteLine(summary.Rebuilt
            ? $"Refreshed: now serving {summary.Collection} (previous {summary.PreviousCollection ?? "none"} kept for rollback)."
            : $"Unchanged: {summary.Collection} already serves exactly these articles.");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("Count").RightAligned()).AddColumn("Articles");
        table.AddRow("Added", summary.Added.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Ids(summary.Added));
        table.AddRow("Changed", summary.Changed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Ids(summary.Changed));
        table.AddRow("Removed", summary.Removed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Ids(summary.Removed));
        table.AddRow("Unchanged", summary.Unchanged.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), "");
        table.AddRow("Passages", summary.PassageCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{summary.PassagesEmbedded} embedded, {summary.PassagesCopied} copied");
        table.AddRow("Time", $"{summary.Elapsed.TotalSeconds:0.00} s", "");
        console.Write(table);
        foreach (var skipped in summary.Skipped)
            console.WriteLine($"Skipped {Path.GetFileName(skipped.Path)}: {skipped.Reason}");
    }

    // A first refresh lists every article as added; ten ids say enough, the count says the rest.
    private static string Ids(IReadOnlyList<string> ids) =>
        Markup.Escape(string.Join(", ", ids.Take(10)) + (ids.Count > 10 ? $" and {ids.Count - 10} more" : ""));
}
