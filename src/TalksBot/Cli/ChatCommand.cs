using System.CommandLine;
using Spectre.Console;
using TalksBot.Core.Analytics;
using TalksBot.Core.Answering;
using TalksBot.Indexing;

namespace TalksBot.Cli;

/// <summary><c>talksbot chat</c>: a console conversation, so follow-ups ("and who led the Russian side?") see earlier turns.</summary>
internal static class ChatCommand
{
    public const string Banner =
        "Ask about the articles, one question per line. Follow-ups (\"and the Russian side?\") build on your earlier questions. /quit or Ctrl+D leaves.";

    private static bool IsQuit(string line) => line.Trim() is "/quit" or "/exit";

    public static Command Create(Option<string[]> config)
    {
        var verbose = AskCliCommand.VerboseOption();
        var command = new Command("chat", "Ask questions one after another in a conversation; /quit or Ctrl+D ends it.") { verbose };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, config, async (services, token) =>
        {
            await services.Get<ArticleIndexService>().EnsureServingAsync(CliConsole.Error, token);
            var ask = services.Get<IAskService>();
            var log = services.Get<ConsoleQuestionLog>();
            var conversationId = "console:" + Guid.NewGuid().ToString("N");
            CliConsole.Out.MarkupLine(Markup.Escape(Banner));
            while (!token.IsCancellationRequested)
            {
                CliConsole.Out.Markup("[bold]?[/] ");
                var line = Console.ReadLine();
                if (line is null || IsQuit(line))
                    break;
                // An Enter pressed by mistake asks nothing and ends nothing.
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                var result = await LiveAnswer.AskAsync(ask, new AskRequest(line, conversationId), token);
                await log.RecordAsync(result, AskChannel.Console, token);
                AnswerPrinter.Print(result, verbose: parse.GetValue(verbose));
                CliConsole.Out.WriteLine();
            }
            return ExitCodes.Success;
        }, ct));
        return command;
    }
}
