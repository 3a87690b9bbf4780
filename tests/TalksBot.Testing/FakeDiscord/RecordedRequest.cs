using System.Text.Json;

namespace TalksBot.Testing.FakeDiscord;

/// <summary>A REST request the fake Discord received.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    int Status,
    DateTimeOffset At)
{
    /// <summary>The shard whose session identified with this request's bot token, when sessions are kept and exactly one did.</summary>
    public int? Shard { get; init; }

    /// <summary>
    /// <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when the request reached the fake: one clock with
    /// <see cref="SentPayload.Timestamp"/>, for latencies finer than <see cref="At"/>'s.
    /// </summary>
    public long Timestamp { get; init; }

    /// <summary>The body as JSON (an empty object when there was none).</summary>
    public JsonElement Json => Body.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
