using Microsoft.Extensions.DependencyInjection;
using TalksBot.Discord.Commands;

namespace TalksBot.Discord;

/// <summary>Registers the bot's application commands without a gateway session, for a deployment where no process is shard 0 at start-up.</summary>
public static class DiscordCommandRegistration
{
    /// <summary>Overwrites the commands registered with <see cref="DiscordBotExtensions.AddDiscordBot"/> (globally or in Discord:GuildIds).</summary>
    public static Task<RegisteredCommands> RegisterDiscordCommandsAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<CommandRegistrar>().RegisterAsync(cancellationToken);
}
