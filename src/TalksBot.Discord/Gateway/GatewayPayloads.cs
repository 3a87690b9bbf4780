using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalksBot.Discord.Gateway;

// Wire shapes of the gateway (discord-api-docs docs/events/gateway*.mdx); snowflakes stay strings as sent.
internal sealed record GatewayPayload(int Op, JsonElement D, long? S, string? T);

internal sealed record HelloData(int HeartbeatInterval);

internal sealed record HeartbeatPayload([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? D, int Op = GatewayOpcode.Heartbeat);

internal sealed record IdentifyPayload(IdentifyData D, int Op = GatewayOpcode.Identify);

internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, IReadOnlyList<int> Shard);

internal sealed record IdentifyProperties(string Os, string Browser, string Device);

internal sealed record ResumePayload(ResumeData D, int Op = GatewayOpcode.Resume);

internal sealed record ResumeData(string Token, string SessionId, long? Seq);

internal sealed record ReadyData(string SessionId, string ResumeGatewayUrl, DiscordUser User, ReadyApplication Application);

internal sealed record ReadyApplication(string Id);

internal sealed record DiscordUser(string Id, string? Username = null, bool? Bot = null);

internal sealed record MessageData(
    string Id,
    string ChannelId,
    string? GuildId,
    DiscordUser Author,
    string? WebhookId,
    string? Content,
    IReadOnlyList<DiscordUser>? Mentions,
    MessageData? ReferencedMessage);

internal sealed record InteractionData(
    string Id,
    string ApplicationId,
    string Token,
    int Type,
    InteractionCommandData? Data,
    string? GuildId,
    string? ChannelId,
    InteractionMember? Member,
    DiscordUser? User);

internal sealed record InteractionMember(DiscordUser? User, string? Permissions, IReadOnlyList<string>? Roles);

internal sealed record InteractionCommandData(
    string? Name,
    int? Type,
    IReadOnlyList<InteractionOption>? Options,
    string? TargetId,
    InteractionResolved? Resolved,
    string? CustomId,
    int? ComponentType);

internal sealed record InteractionOption(string Name, int Type, JsonElement? Value, IReadOnlyList<InteractionOption>? Options);

internal sealed record InteractionResolved(IReadOnlyDictionary<string, MessageData>? Messages, IReadOnlyDictionary<string, AttachmentData>? Attachments);

internal sealed record AttachmentData(string Id, string Filename, long Size, string Url, string? ContentType);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(HeartbeatPayload))]
[JsonSerializable(typeof(IdentifyPayload))]
[JsonSerializable(typeof(ResumePayload))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(MessageData))]
[JsonSerializable(typeof(InteractionData))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext;
