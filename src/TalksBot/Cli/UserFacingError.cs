namespace TalksBot.Cli;

/// <summary>What a person at the terminal should read when a verb fails: the boundary's own message, no stack trace.</summary>
internal static class UserFacingError
{
    public static string Describe(Exception ex) => ex switch
    {
        // Typed boundary exceptions already say what went wrong and what to fix (Qdrant's text, the LLM's status, ...).
        HttpRequestException http => "A server could not be reached: " + http.Message,
        IOException io => "File error: " + io.Message,
        UnauthorizedAccessException denied => "File error: " + denied.Message,
        _ => $"{ex.Message} ({ex.GetType().Name})",
    };
}
