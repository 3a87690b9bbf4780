using System.Text.Json.Nodes;

namespace TalksBot.Testing.FakeDiscord;

/// <summary>One entry of a session's event log in <see cref="FakeGatewaySessions"/>; <c>Sequence</c> is 0 when there was no session.</summary>
public sealed class FakeDispatch(string type, JsonNode data, string? sessionId, long sequence)
{
    public string Type { get; } = type;

    public JsonNode Data { get; } = data;

    public string? SessionId { get; } = sessionId;

    public long Sequence { get; } = sequence;

    /// <summary>The shard whose session it was written to (or would have been, when lost).</summary>
    public int Shard { get; internal init; }

    public DispatchFate Fate { get; internal set; } = DispatchFate.Queued;

    /// <summary>How often it was written to a socket: live, then again on every resume from an earlier sequence.</summary>
    public int Writes { get; internal set; }
}
