namespace TalksBot.Discord.Commands;

/// <summary>What a command registration overwrote: how many commands, in how many guilds (0: globally).</summary>
public sealed record RegisteredCommands(int Count, int GuildCount)
{
    public string Scope => GuildCount == 0 ? "globally" : $"in {GuildCount} guild(s)";
}
