using System.Text;
using Spectre.Console;
using TalksBot.Core.Answering;

namespace TalksBot.Cli;

/// <summary>
/// Asks, showing a streaming answerer's provisional text live on an interactive terminal. The live text is cleared
/// when the verified answer arrives, so the caller prints only that (with its sources). Redirected output gets no
/// live text at all: scripts and tests see exactly what they saw before streaming existed.
/// </summary>
internal static class LiveAnswer
{
    public static async Task<AskResult> AskAsync(IAskService ask, AskRequest request, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
            return await ask.AskAsync(request, cancellationToken);

        AskResult? result = null;
        var shown = new StringBuilder();
        await CliConsole.Out.Live(new Text(string.Empty))
            .AutoClear(true)
            .StartAsync(async live =>
            {
                result = await ask.AskAsync(request, delta =>
                {
                    shown.Append(delta);
                    live.UpdateTarget(new Text(shown.ToString(), new Style(Color.Grey)));
                }, cancellationToken);
            });
        return result!;
    }
}
