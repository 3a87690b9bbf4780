using System.CommandLine;
using Spectre.Console;
using TalksBot.Indexing;

namespace TalksBot.Cli;

/// <summary><c>talksbot articles list|add|remove</c>: manage the article folder; what is served changes at the next refresh.</summary>
internal static class ArticlesCommand
{
    public static Command Create(Option<string[]> config)
    {
        var list = new Command("list", "List the articles: id, title, date, URL, and whether questions are answered from it.");
        list.SetAction((parse, ct) => CliHost.RunAsync(parse, config, async (services, token) =>
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Id", "Title", "Date", "URL", "Served");
            foreach (var a in await services.Get<ArticleSetService>().ListAsync(token))
                table.AddRow(Markup.Escape(a.Id), Markup.Escape(a.Title), a.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    Markup.Escape(a.Url ?? ""), Markup.Escape(a.Served));
            CliConsole.Out.Write(table);
            return ExitCodes.Success;
        }, ct));

        var refreshOption = new Option<bool>("--refresh") { Description = "Refresh the index straight away, so questions are answered from the change." };
        var source = new Argument<string>("source") { Description = "An http(s) URL of a news page, or a local .txt, .md or .html file." };
        var add = new Command("add", "Add an article from a web page or a file to the folder (served after the next refresh, or now with --refresh).") { source, refreshOption };
        add.SetAction((parse, ct) => CliHost.RunAsync(parse, config, (services, token) => RefreshVerb.RunAsync(async () =>
        {
            var change = await services.Get<ArticleSetService>().AddAsync(parse.GetRequiredValue(source), Actors.Local, parse.GetValue(refreshOption), token);
            CliConsole.Out.WriteLine($"Added {change.Id}: {change.Title}");
            return Report(change);
        }), ct));

        var id = new Argument<string>("id") { Description = "The article id, as articles list shows it." };
        var remove = new Command("remove", "Remove an article from the folder (still served until the next refresh, or now with --refresh).") { id, refreshOption };
        remove.SetAction((parse, ct) => CliHost.RunAsync(parse, config, (services, token) => RefreshVerb.RunAsync(async () =>
        {
            var change = await services.Get<ArticleSetService>().RemoveAsync(parse.GetRequiredValue(id), Actors.Local, parse.GetValue(refreshOption), token);
            CliConsole.Out.WriteLine($"Removed {change.Id} ({Path.GetFileName(change.Path)}).");
            return Report(change, removed: true);
        }), ct));

        return new Command("articles", "List, add and remove articles.") { list, add, remove };
    }

    private static int Report(ArticleChange change, bool removed = false)
    {
        if (change.Refresh is { } summary)
            RefreshCommand.Print(summary, CliConsole.Out);
        else if (removed)
            CliConsole.Out.WriteLine("It is still served, and cited in answers, until the next refresh: run `talksbot refresh` (or pass --refresh) to stop serving it.");
        else
            CliConsole.Out.WriteLine("Not served yet: run `talksbot refresh` (or pass --refresh) to update the index.");
        return ExitCodes.Success;
    }
}
