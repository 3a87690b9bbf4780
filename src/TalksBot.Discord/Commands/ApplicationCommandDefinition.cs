namespace TalksBot.Discord.Commands;

/// <summary>One entry of the bulk overwrite (<c>PUT /applications/{id}/commands</c>), serialised as Discord expects.</summary>
/// <param name="Type">1 = slash command (CHAT_INPUT), 3 = message context menu command.</param>
/// <param name="Description">1–100 characters for slash commands; must be empty for context menu commands.</param>
/// <param name="DefaultMemberPermissions">A permission bitfield as a string, e.g. <c>"32"</c> (Manage Server) for moderator commands; also checked on every use.</param>
/// <param name="Contexts">0 = guild, 1 = bot DM, 2 = private channel; <c>[0]</c> keeps a command out of DMs.</param>
public sealed record ApplicationCommandDefinition(
    string Name,
    string Description,
    int Type = ApplicationCommandDefinition.ChatInput,
    IReadOnlyList<ApplicationCommandOption>? Options = null,
    string? DefaultMemberPermissions = null,
    IReadOnlyList<int>? Contexts = null)
{
    public const int ChatInput = 1;
    public const int MessageContextMenu = 3;
}
