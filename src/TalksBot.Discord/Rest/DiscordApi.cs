using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TalksBot.Discord.Commands;

namespace TalksBot.Discord.Rest;

/// <summary>The Discord endpoints the bot calls, one method each.</summary>
internal sealed class DiscordApi(DiscordRestClient rest)
{
    public async Task<GatewayBotResponse> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var body = await rest.SendAsync(new DiscordRequest(HttpMethod.Get, "/gateway/bot", "GET /gateway/bot", "", null, Retryable: true), cancellationToken);
        return JsonSerializer.Deserialize(body, RestJsonContext.Default.GatewayBotResponse)
            ?? throw new DiscordRestException("GET /gateway/bot returned an empty body");
    }

    /// <summary>The bot's application id, without a gateway session (READY carries it otherwise).</summary>
    public async Task<string> GetApplicationIdAsync(CancellationToken cancellationToken)
    {
        var body = await rest.SendAsync(new DiscordRequest(HttpMethod.Get, "/applications/@me", "GET /applications/@me", "", null, Retryable: true), cancellationToken);
        return JsonSerializer.Deserialize(body, RestJsonContext.Default.CurrentApplication)?.Id
            ?? throw new DiscordRestException("GET /applications/@me returned no application id");
    }

    public Task BulkOverwriteCommandsAsync(string applicationId, ulong? guildId, IReadOnlyList<ApplicationCommandDefinition> commands, CancellationToken cancellationToken)
    {
        var path = guildId is null
            ? $"/applications/{applicationId}/commands"
            : $"/applications/{applicationId}/guilds/{guildId.Value.ToString(CultureInfo.InvariantCulture)}/commands";
        var route = guildId is null ? "PUT /applications/{id}/commands" : "PUT /applications/{id}/guilds/{guild_id}/commands";
        return rest.SendAsync(
            new DiscordRequest(HttpMethod.Put, path, route, guildId?.ToString(CultureInfo.InvariantCulture) ?? applicationId,
                Serialize(commands, RestJsonContext.Default.IReadOnlyListApplicationCommandDefinition), Retryable: true),
            cancellationToken);
    }

    /// <summary>Not retried on a server error: a callback that reached Discord twice fails with "already acknowledged".</summary>
    public Task CreateInteractionResponseAsync(string interactionId, string token, InteractionResponse response, CancellationToken cancellationToken)
    {
        var safe = response.Data?.Content is null ? response : response with { Data = WithNoPings(response.Data) };
        return rest.SendAsync(
            new DiscordRequest(HttpMethod.Post, $"/interactions/{interactionId}/{token}/callback", "POST /interactions/{id}/{token}/callback",
                interactionId, Serialize(safe, RestJsonContext.Default.InteractionResponse), Retryable: false, GlobalExempt: true),
            cancellationToken);
    }

    public Task EditOriginalResponseAsync(string applicationId, string token, MessagePayload message, CancellationToken cancellationToken) =>
        rest.SendAsync(
            new DiscordRequest(HttpMethod.Patch, $"/webhooks/{applicationId}/{token}/messages/@original", "PATCH /webhooks/{id}/{token}/messages/@original",
                token, Serialize(WithNoPings(message), RestJsonContext.Default.MessagePayload), Retryable: true),
            cancellationToken);

    public Task CreateFollowUpAsync(string applicationId, string token, MessagePayload message, CancellationToken cancellationToken) =>
        rest.SendAsync(
            new DiscordRequest(HttpMethod.Post, $"/webhooks/{applicationId}/{token}", "POST /webhooks/{id}/{token}",
                token, Serialize(WithNoPings(message), RestJsonContext.Default.MessagePayload), Retryable: false),
            cancellationToken);

    /// <summary>Carries a nonce with enforce_nonce, so a retry after a lost response never posts the message twice.</summary>
    public async Task<string> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken)
    {
        var payload = WithNoPings(message) with { Nonce = NewNonce(), EnforceNonce = true };
        var body = await rest.SendAsync(
            new DiscordRequest(HttpMethod.Post, $"/channels/{channelId}/messages", "POST /channels/{id}/messages",
                channelId, Serialize(payload, RestJsonContext.Default.MessagePayload), Retryable: true),
            cancellationToken);
        return JsonSerializer.Deserialize(body, RestJsonContext.Default.CreatedMessage)?.Id ?? "";
    }

    public Task TriggerTypingAsync(string channelId, CancellationToken cancellationToken) =>
        rest.SendAsync(
            new DiscordRequest(HttpMethod.Post, $"/channels/{channelId}/typing", "POST /channels/{id}/typing", channelId, null, Retryable: false),
            cancellationToken);

    // Every create and edit says who may be pinged; edits re-parse mentions otherwise.
    private static MessagePayload WithNoPings(MessagePayload message) => message with { AllowedMentions = AllowedMentions.None };

    // Discord accepts nonces of up to 25 characters; a random 64-bit number has at most 20 digits.
    private static string NewNonce() =>
        BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)).ToString(CultureInfo.InvariantCulture);

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
}
