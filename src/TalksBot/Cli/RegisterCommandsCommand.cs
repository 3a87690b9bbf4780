using System.CommandLine;
using Spectre.Console;
using TalksBot.Discord;
using TalksBot.Discord.Rest;
using TalksBot.Hosting;

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
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                // The bot's composition, so exactly the commands `run` serves are registered; built, never started, so
                // neither the gateway nor Qdrant runs.
                var builder = TalksBotHost.CreateBuilder(parse.GetValue(config) ?? [], hosted: true);
                if (string.IsNullOrWhiteSpace(builder.Configuration["Discord:Token"]))
                {
                    CliHost.WriteError("Discord:Token is not set (export Discord__Token=<your bot token>), so there is no bot to register commands for.");
                    return ExitCodes.Configuration;
                }

                using var host = builder.Build();
                host.ValidateOptions();
                var registered = await host.Services.RegisterDiscordCommandsAsync(ct);
                CliConsole.Out.WriteLine($"Registered {registered.Count} commands {registered.Scope}.");
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ConfigurationError.Describe(ex) is { } message)
            {
                CliHost.WriteError(message);
                return ExitCodes.Configuration;
            }
            catch (DiscordRestException ex)
            {
                CliHost.WriteError("Discord refused the registration: " + ex.Message);
                return ExitCodes.Failure;
            }
            catch (HttpRequestException ex)
            {
                CliHost.WriteError(UserFacingError.Describe(ex));
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
