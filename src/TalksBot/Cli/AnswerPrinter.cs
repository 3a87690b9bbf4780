using System.Globalization;
using Spectre.Console;
using TalksBot.Core.Answering;

namespace TalksBot.Cli;

/// <summary>Formats an answer and its sources for a terminal. All article and question text is escaped: it is data, not markup.</summary>
internal static class AnswerPrinter
{
    public static void Print(AskResult result, IAnsiConsole? console = null)
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
                var title = Markup.Escape(c.Title);
                var date = c.Published is { } p ? " · " + p.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "";
                console.MarkupLine($"[bold][[{c.Number}]][/] {title}[grey]{date} · {Markup.Escape(c.ArticleId)}[/]");
                if (c.Url is { Length: > 0 } url)
                    console.MarkupLine($"    [blue]{Markup.Escape(url)}[/]");
                console.MarkupLine($"    [italic]“{Markup.Escape(c.Quote)}”[/]");
            }
        }

        console.MarkupLine($"[grey]{result.Latency.TotalMilliseconds:0} ms · {Markup.Escape(answer.Answerer)}[/]");
    }
}
