using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Replies;

/// <summary>One message of a reply: text within Discord's 2000 characters, optionally with buttons.</summary>
internal sealed record OutgoingMessage(string Content, IReadOnlyList<Component>? Components = null)
{
    public MessagePayload ToPayload() => new(Content, AllowedMentions.None, Components: Components);
}
