using System.Text.Json.Serialization;
using TalksBot.Discord.Commands;

namespace TalksBot.Discord.Rest;

// Wire shapes of the REST calls the bot makes (discord-api-docs docs/resources/message.mdx, docs/interactions/*).
internal sealed record GatewayBotResponse(string Url, int Shards, SessionStartLimit? SessionStartLimit);

internal sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);

internal sealed record AllowedMentions(IReadOnlyList<string> Parse)
{
    /// <summary><c>{"parse": []}</c>: nothing in generated text can ping anyone, @everyone included.</summary>
    public static AllowedMentions None { get; } = new([]);
}

internal sealed record MessageReference(string MessageId, string ChannelId, string? GuildId, bool FailIfNotExists);

internal sealed record Component(int Type, IReadOnlyList<Component>? Components = null, int? Style = null, string? Label = null, string? CustomId = null, Emoji? Emoji = null);

internal sealed record Emoji(string Name);

internal sealed record MessagePayload(
    string? Content = null,
    AllowedMentions? AllowedMentions = null,
    MessageReference? MessageReference = null,
    IReadOnlyList<Component>? Components = null,
    string? Nonce = null,
    bool? EnforceNonce = null,
    int? Flags = null);

internal sealed record InteractionResponse(int Type, MessagePayload? Data = null);

internal sealed record CreatedMessage(string Id);

internal sealed record CurrentApplication(string Id);

internal sealed record DiscordErrorBody(string? Message, int? Code, double? RetryAfter, bool? Global);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GatewayBotResponse))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(CreatedMessage))]
[JsonSerializable(typeof(CurrentApplication))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(IReadOnlyList<ApplicationCommandDefinition>))]
internal sealed partial class RestJsonContext : JsonSerializerContext;
