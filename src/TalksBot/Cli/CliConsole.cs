using Spectre.Console;

namespace TalksBot.Cli;

/// <summary>
/// The CLI's two consoles. When a stream is redirected (a pipe, a file, a test) it gets plain text with no colour
/// codes and no wrapping, so scripts see the answer exactly as written.
/// </summary>
internal static class CliConsole
{
    public static IAnsiConsole Out { get; } = Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>Progress bars and diagnostics: stdout stays for answers (ask --json prints exactly one object).</summary>
    public static IAnsiConsole Error { get; } = Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        if (redirected)
            console.Profile.Width = 100_000;
        return console;
    }
}
