using System.Text.Json.Nodes;

namespace TalksBot.Testing.FakeDiscord;

/// <summary>Builds the <c>d</c> of MESSAGE_CREATE and INTERACTION_CREATE dispatches as Discord shapes them.</summary>
public static class FakeDiscordEvents
{
    public const string GuildId = "300000000000000001";
    public const string ChannelId = "300000000000000002";

    public static JsonObject User(string id, bool bot = false) => new() { ["id"] = id, ["username"] = "user" + id[^4..], ["bot"] = bot };

    public static JsonObject Message(
        string id,
        string authorId,
        string content,
        string channelId = ChannelId,
        string? guildId = GuildId,
        bool authorIsBot = false,
        string? webhookId = null,
        IEnumerable<string>? mentionIds = null)
    {
        var message = new JsonObject
        {
            ["id"] = id,
            ["channel_id"] = channelId,
            ["author"] = User(authorId, authorIsBot),
            ["content"] = content,
            ["mentions"] = new JsonArray([.. (mentionIds ?? []).Select(m => (JsonNode)User(m))]),
            ["mention_everyone"] = false,
        };
        if (guildId is not null)
        {
            message["guild_id"] = guildId;
        }

        if (webhookId is not null)
        {
            message["webhook_id"] = webhookId;
        }

        return message;
    }

    public static JsonObject SlashCommand(
        string id,
        string token,
        string applicationId,
        string name,
        string userId,
        IReadOnlyDictionary<string, string>? options = null,
        string permissions = "0",
        IEnumerable<string>? roleIds = null,
        string guildId = GuildId) => Interaction(id, token, applicationId, 2, userId, permissions, new JsonObject
        {
            ["id"] = "400000000000000001",
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray([.. (options ?? new Dictionary<string, string>()).Select(o => (JsonNode)new JsonObject { ["name"] = o.Key, ["type"] = 3, ["value"] = o.Value })]),
        }, roleIds, guildId);

    public static JsonObject MessageCommand(string id, string token, string applicationId, string name, string userId, string targetId, string targetContent) =>
        Interaction(id, token, applicationId, 2, userId, "0", new JsonObject
        {
            ["id"] = "400000000000000002",
            ["name"] = name,
            ["type"] = 3,
            ["target_id"] = targetId,
            ["resolved"] = new JsonObject { ["messages"] = new JsonObject { [targetId] = Message(targetId, "200000000000000099", targetContent) } },
        });

    public static JsonObject ButtonClick(string id, string token, string applicationId, string customId, string userId) =>
        Interaction(id, token, applicationId, 3, userId, "0", new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 });

    private static JsonObject Interaction(string id, string token, string applicationId, int type, string userId, string permissions, JsonObject data,
        IEnumerable<string>? roleIds = null, string guildId = GuildId) => new()
    {
        ["id"] = id,
        ["application_id"] = applicationId,
        ["token"] = token,
        ["type"] = type,
        ["version"] = 1,
        ["guild_id"] = guildId,
        ["channel_id"] = ChannelId,
        ["member"] = new JsonObject { ["user"] = User(userId), ["permissions"] = permissions, ["roles"] = new JsonArray([.. (roleIds ?? []).Select(r => (JsonNode?)r)]) },
        ["data"] = data,
    };
}
