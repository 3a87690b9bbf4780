using System.Diagnostics;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Testing;

/// <summary>How a test or bench starts the built <c>talksbot</c> CLI: as a user does, from the repository root.</summary>
public static class TalksBotProcess
{
    /// <summary>
    /// <c>dotnet talksbot.dll</c> (next to the caller's binaries) with <paramref name="args"/>, output redirected, run from
    /// the repository root so the CLI finds its data (lexicon, weights, model) as <c>./talksbot</c> does.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IEnumerable<KeyValuePair<string, string>> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = QdrantInstallation.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "talksbot.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Nothing from the developer's machine may point the CLI at a real Discord or LLM; removed before the caller's
        // own settings, so one that points it at a fake (Llm__Endpoint=...) still gets it.
        start.Environment.Remove("Discord__Token");
        start.Environment.Remove("Llm__Endpoint");
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return start;
    }
}
