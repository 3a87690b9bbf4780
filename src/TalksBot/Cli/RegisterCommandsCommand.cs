using System.CommandLine;
using Spectre.Console;
using Microsoft.Extensions.Configuration;
using TalksBot.Discord;
using TalksBot.Discord.Rest;

namespace TalksBot.Cli;

/// <summary>
/// <c>talksbot register-commands</c>: overwrites the bot's slash and context-menu commands, then exits. With several shard
/// processes only shard 0 does this at start-up; this verb does it from a deploy step instead, with no gateway session.
/// </summary>
internal static class RegisterCommandsCommand
{
    public static Command Create(Option<string[]> config)
    {
        var command = new Command("register-commands", "Register the bot's commands with Discord (globally, or in Discord:GuildIds) and exit.");
        // The bot's composition (hosted), so exactly the commands `run` serves are registered; never started, so neither
        // the gateway nor Qdrant runs.
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, config, async (services, token) =>
        {
            // Without a token the bot's services are not composed at all, so this is said before anything asks for them.
            if (string.IsNullOrWhiteSpace(services.Get<IConfiguration>()["Discord:Token"]))
            {
                CliHost.WriteError("Discord:Token is not set (export Discord__Token=<your bot token>), so there is no bot to register commands for.");
                return ExitCodes.Configuration;
            }

            try
            {
                var registered = await services.RegisterDiscordCommandsAsync(token);
                CliConsole.Out.WriteLine($"Registered {registered.Count} commands {registered.Scope}.");
                return ExitCodes.Success;
            }
            catch (DiscordRestException ex)
            {
                CliHost.WriteError("Discord refused the registration: " + ex.Message);
                return ExitCodes.Failure;
            }
        }, ct, hosted: true, start: false));
        return command;
    }
}
