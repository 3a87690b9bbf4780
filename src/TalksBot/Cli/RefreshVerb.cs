using TalksBot.Indexing;
using TalksBot.WebArticles;

namespace TalksBot.Cli;

/// <summary>Maps the refresh and article failures a moderator can act on to their message and exit code.</summary>
internal static class RefreshVerb
{
    public static async Task<int> RunAsync(Func<Task<int>> verb)
    {
        ArgumentNullException.ThrowIfNull(verb);
        try
        {
            return await verb();
        }
        catch (RefreshAlreadyRunningException e)
        {
            CliHost.WriteError(e.Message + " Try again when it has finished (talksbot refresh status).");
            return ExitCodes.AlreadyRunning;
        }
        catch (WebArticleException e)
        {
            CliHost.WriteError(e.Message);
            return ExitCodes.Failure;
        }
        catch (TalksBot.Qdrant.Index.IndexBuildException e)
        {
            // "Nothing to roll back to": a state to explain, not a crash to trace.
            CliHost.WriteError(e.Message);
            return ExitCodes.Failure;
        }
    }
}
