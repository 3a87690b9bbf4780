using System.CommandLine;
using TalksBot.Cli;

namespace TalksBot;

internal static class Program
{
    // System.CommandLine gives an action 2 s after SIGTERM or Ctrl+C, then exits with 1. The bot needs longer to stop
    // cleanly (close the gateway with 1000, finish an answer, stop the managed Qdrant): a supervisor's stop then read
    // as a failure. Below systemd's 30 s TimeoutStopSec in deploy/talksbot.service.
    private static readonly TimeSpan ShutdownAllowance = TimeSpan.FromSeconds(25);

    private static Task<int> Main(string[] args) =>
        TalksBotCommandLine.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = ShutdownAllowance });
}
