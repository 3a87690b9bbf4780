using System.CommandLine;

namespace TalksBot.Cli;

/// <summary>The verbs of <c>./talksbot</c>.</summary>
internal static class TalksBotCommandLine
{
    public static RootCommand Build()
    {
        var config = new Option<string[]>("--config", "-c")
        {
            Description = "Override a setting for this run, e.g. -c Qdrant:Url=http://localhost:6333 (repeatable).",
            Recursive = true,
        };
        var root = new RootCommand(
            "TalksBot answers questions about the February 2025 U.S.–Russia talks on Ukraine from a moderated article set, citing its sources.")
        {
            config,
            AskCliCommand.Create(config),
            ChatCommand.Create(config),
            IngestCommand.Create(config),
            EvalCommand.Create(config),
            FitCommand.Create(config),
            RunCommand.Create(config),
            RefreshCommand.Create(config),
            ArticlesCommand.Create(config),
            StatsCommand.Create(config),
            BenchCommand.Create(config),
            SoakCommand.Create(config),
            RegisterCommandsCommand.Create(config),
        };
        return root;
    }
}
