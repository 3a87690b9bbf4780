namespace TalksBot.Testing.FakeDiscord;

/// <summary>A one-shot answer to the next request that matches, instead of the default one.</summary>
public sealed record ScriptedResponse(
    Func<RecordedRequest, bool> Matches,
    int Status,
    string Body,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>A bucket 429 with <c>retry_after</c> (seconds), as Discord sends it.</summary>
    public static ScriptedResponse TooManyRequests(Func<RecordedRequest, bool> matches, double retryAfterSeconds, bool global = false) => new(
        matches,
        429,
        $$"""{"message":"You are being rate limited.","retry_after":{{retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""",
        new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Ceiling(retryAfterSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-RateLimit-Scope"] = global ? "global" : "user",
            ["X-RateLimit-Global"] = global ? "true" : "false",
        });
}
