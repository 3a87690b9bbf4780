using System.Text.Json.Nodes;

namespace TalksBot.Testing.FakeDiscord;

/// <summary>A gateway payload the fake sent, stamped with <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> just before it was written.</summary>
public sealed record SentPayload(long Timestamp, JsonObject Payload);
