namespace TalksBot.Discord.Gateway;

[Flags]
internal enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,

    // Privileged: must be switched on in the Developer Portal or Discord closes with 4014.
    MessageContent = 1 << 15,
}
