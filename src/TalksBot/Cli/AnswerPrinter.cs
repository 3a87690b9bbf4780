using System.Globalization;
using Spectre.Console;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;

namespace TalksBot.Cli;

/// <summary>Formats an answer and its sources for a terminal. All article and question text is escaped: it is data, not markup.</summary>
internal static class AnswerPrinter
{
    /// <param name="verbose">Also show each source's article id, which moderators use with <c>articles remove</c>.</param>
    public static void Print(AskResult result, IAnsiConsole? console = null, bool verbose = false)
    {
        console ??= CliConsole.Out;
        var answer = result.Answer;
        console.MarkupLine(answer.Abstained ? $"[yellow]{Markup.Escape(answer.Text)}[/]" : Markup.Escape(answer.Text));
        if (answer.Notice is { Length: > 0 } notice)
            console.MarkupLine($"[grey]{Markup.Escape(notice)}[/]");

        if (answer.Citations.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Sources[/]");
            foreach (var c in answer.Citations)
            {
                // title · outlet · date: who said it and when, before the link and the words.
                var details = new[] { ArticleOutlet.FromUrl(c.Url), c.Published?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), verbose ? c.ArticleId : null }
                    .Where(d => d is not null)
                    .Select(d => " · " + Markup.Escape(d!));
                console.MarkupLine($"[bold][[{c.Number}]][/] {Markup.Escape(c.Title)}[grey]{string.Concat(details)}[/]");
                if (c.Url is { Length: > 0 } url)
                    console.MarkupLine($"    [blue]{Markup.Escape(url)}[/]");
                if (!c.Repeats(answer.Text))
                    console.MarkupLine($"    [italic]“{Markup.Escape(c.Quote)}”[/]");
            }
        }

        console.MarkupLine($"[grey]{result.Latency.TotalMilliseconds:0} ms · {Markup.Escape(answer.Answerer)}[/]");
    }
}
