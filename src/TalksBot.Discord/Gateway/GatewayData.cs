using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TalksBot.Discord.Gateway;

/// <summary>
/// Reads a gateway payload's <c>d</c> as the shape an opcode or event promises, or throws <see cref="JsonException"/>.
/// System.Text.Json leaves a missing non-nullable member null, which later surfaced as a NullReferenceException far from
/// the payload (in the receive loop that killed it, a stalled connection); Discord always sends these fields, so a
/// payload without them is malformed and is refused here, where the receive loop and the dispatcher log and drop it.
/// </summary>
internal static class GatewayData
{
    public static HelloData Hello(JsonElement d) =>
        Read(d, GatewayJsonContext.Default.HelloData, h => h.HeartbeatInterval > 0);

    public static ReadyData Ready(JsonElement d) =>
        Read(d, GatewayJsonContext.Default.ReadyData,
            r => r.SessionId is not null && r.ResumeGatewayUrl is not null && r.User?.Id is not null && r.Application?.Id is not null);

    public static MessageData Message(JsonElement d) => Read(d, GatewayJsonContext.Default.MessageData, IsComplete);

    public static InteractionData Interaction(JsonElement d) =>
        Read(d, GatewayJsonContext.Default.InteractionData, i => i.Id is not null && i.ApplicationId is not null && i.Token is not null
            && (i.Member?.User ?? i.User) is null or { Id: not null }
            && i.Member?.Roles?.Contains(null!) is not true
            && i.Data?.Resolved?.Messages?.Values.All(IsComplete) is not false
            && i.Data?.Resolved?.Attachments?.Values.All(a => a is { Id: not null, Filename: not null, Url: not null }) is not false);

    private static bool IsComplete(MessageData? m) =>
        m is { Id: not null, ChannelId: not null, Author.Id: not null }
        && m.Mentions?.Any(u => u?.Id is null) is not true
        && (m.ReferencedMessage is null || IsComplete(m.ReferencedMessage));

    private static T Read<T>(JsonElement d, JsonTypeInfo<T> type, Func<T, bool> isComplete)
        where T : class
    {
        // A missing "d" is a default JsonElement, on which Deserialize throws InvalidOperationException, not JsonException.
        if (d.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected an object for {typeof(T).Name}, got {d.ValueKind}.");
        }

        var value = d.Deserialize(type) ?? throw new JsonException($"No {typeof(T).Name}.");
        return isComplete(value) ? value : throw new JsonException($"{typeof(T).Name} lacks a field Discord always sends.");
    }
}
