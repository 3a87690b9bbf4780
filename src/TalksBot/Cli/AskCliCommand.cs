using System.CommandLine;
using System.Text.Json;
using TalksBot.Core.Analytics;
using TalksBot.Core.Answering;
using TalksBot.Indexing;

namespace TalksBot.Cli;

/// <summary><c>talksbot ask "QUESTION" [--json]</c>: one cited answer from the article set.</summary>
internal static class AskCliCommand
{
    public static Command Create(Option<string[]> config)
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON object instead of formatted text." };
        var verbose = VerboseOption();
        var command = new Command("ask", "Answer a question from the articles, with citations.") { question, json, verbose };
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, config, async (services, token) =>
        {
            var text = parse.GetRequiredValue(question);
            if (string.IsNullOrWhiteSpace(text))
            {
                CliHost.WriteError("The question is empty: ask \"Who led the U.S. delegation?\"");
                return ExitCodes.Configuration;
            }

            await services.Get<ArticleIndexService>().EnsureServingAsync(CliConsole.Error, token);
            var result = parse.GetValue(json)
                ? await services.Get<IAskService>().AskAsync(new AskRequest(text), token)
                : await LiveAnswer.AskAsync(services.Get<IAskService>(), new AskRequest(text), token);
            await services.Get<ConsoleQuestionLog>().RecordAsync(result, AskChannel.Console, token);

            if (parse.GetValue(json))
                Console.Out.WriteLine(JsonSerializer.Serialize(AskJson.From(result), CliJsonContext.Default.AskJson));
            else
                AnswerPrinter.Print(result, verbose: parse.GetValue(verbose));
            return ExitCodes.Success;
        }, ct));
        return command;
    }

    /// <summary><c>--verbose</c>: also show each source's article id, for moderators.</summary>
    public static Option<bool> VerboseOption() =>
        new("--verbose", "-v") { Description = "Also show each source's article id (what articles remove takes)." };
}
