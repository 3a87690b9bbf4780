using TalksBot.Cli;

namespace TalksBot;

internal static class Program
{
    private static Task<int> Main(string[] args) => TalksBotCommandLine.Build().Parse(args).InvokeAsync();
}
