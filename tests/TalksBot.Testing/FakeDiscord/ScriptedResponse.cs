using System.Globalization;

namespace TalksBot.Testing.FakeDiscord;

/// <summary>A one-shot answer to the next request that matches, instead of the default one.</summary>
/// <param name="Delay">How long the fake holds the answer back, to line up responses of concurrent requests.</param>
public sealed record ScriptedResponse(
    Func<RecordedRequest, bool> Matches,
    int Status,
    string Body,
    IReadOnlyDictionary<string, string>? Headers = null,
    TimeSpan Delay = default)
{
    /// <summary>
    /// A 429 with <c>retry_after</c> (seconds) in the body, as Discord sends it. <c>Retry-After</c> is the body's value rounded
    /// up unless <paramref name="retryAfterHeaderSeconds"/> says otherwise; <paramref name="scope"/> is user, global or shared.
    /// </summary>
    public static ScriptedResponse TooManyRequests(
        Func<RecordedRequest, bool> matches,
        double retryAfterSeconds,
        bool global = false,
        string? scope = null,
        double? retryAfterHeaderSeconds = null,
        string? bucket = null,
        TimeSpan delay = default)
    {
        var headers = new Dictionary<string, string>
        {
            ["Retry-After"] = Seconds(retryAfterHeaderSeconds ?? Math.Ceiling(retryAfterSeconds)),
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = Seconds(retryAfterSeconds),
            ["X-RateLimit-Scope"] = scope ?? (global ? "global" : "user"),
            ["X-RateLimit-Global"] = global ? "true" : "false",
        };
        if (bucket is not null)
        {
            headers["X-RateLimit-Bucket"] = bucket;
        }

        return new(
            matches,
            429,
            $$"""{"message":"You are being rate limited.","retry_after":{{Seconds(retryAfterSeconds)}},"global":{{(global ? "true" : "false")}}}""",
            headers,
            delay);
    }

    private static string Seconds(double value) => value.ToString(CultureInfo.InvariantCulture);
}
