using System.CommandLine;
using Spectre.Console;
using TalksBot.Indexing;

namespace TalksBot.Cli;

/// <summary><c>talksbot ingest [--path DIR] [--force]</c>: index an article folder, reporting skipped files and why.</summary>
internal static class IngestCommand
{
    public static Command Create(Option<string[]> config)
    {
        var path = new Option<string?>("--path") { Description = "The article folder (default: Articles:Path, data/articles)." };
        var force = new Option<bool>("--force") { Description = "Rebuild even when the served index already matches the folder." };
        var command = new Command("ingest", "Index an article folder into Qdrant (a new version behind the alias).") { path, force };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, config, async (services, token) =>
        {
            var console = CliConsole.Error;
            var summary = await services.Get<ArticleIndexService>().IngestAsync(parse.GetValue(path), parse.GetValue(force), console, token);
            Print(summary, CliConsole.Out);
            return summary.Skipped.Count > 0 ? ExitCodes.PartialSuccess : ExitCodes.Success;
        }, ct));
        return command;
    }

    private static void Print(IngestSummary summary, IAnsiConsole console)
    {
        var m = summary.Manifest;
        var verb = summary.Rebuilt ? "Indexed" : "Unchanged, already serving";
        console.MarkupLine($"[green]{verb}[/] {m.ArticleCount} articles, {m.PassageCount} passages from {Markup.Escape(summary.ArticlesPath)} " +
                           $"in {summary.Elapsed.TotalMilliseconds:0} ms [grey](collection {Markup.Escape(m.Collection)})[/]");
        if (summary.Skipped.Count == 0)
            return;
        var table = new Table().Border(TableBorder.Rounded).Title($"[yellow]Skipped {summary.Skipped.Count} file(s)[/]");
        table.AddColumn("File");
        table.AddColumn("Why, and what to fix");
        foreach (var s in summary.Skipped)
            table.AddRow(Markup.Escape(Path.GetFileName(s.Path)), Markup.Escape(s.Reason));
        console.Write(table);
    }
}
