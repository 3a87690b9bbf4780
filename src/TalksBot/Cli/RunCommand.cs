using System.CommandLine;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Hosting;
using TalksBot.Hosting;

namespace TalksBot.Cli;

/// <summary><c>talksbot run</c>: the hosted Discord bot (Generic Host; Ctrl+C or SIGTERM stop it cleanly).</summary>
internal static class RunCommand
{
    public static Command Create(Option<string[]> config)
    {
        var command = new Command("run", "Run the Discord bot until stopped (needs Discord:Token).");
        command.SetAction(async (parse, ct) =>
        {
            HostApplicationBuilder builder;
            try
            {
                builder = TalksBotHost.CreateBuilder(parse.GetValue(config) ?? [], hosted: true);
            }
            catch (ConfigurationOverrideException ex)
            {
                CliHost.WriteError(ex.Message);
                return ExitCodes.Configuration;
            }

            if (string.IsNullOrWhiteSpace(builder.Configuration["Discord:Token"]))
            {
                Console.Error.WriteLine("""
                    talksbot: Discord:Token is not set, so there is no bot to run.
                      Set it in the environment:   export Discord__Token=<your bot token>
                      or in user secrets:          dotnet user-secrets set Discord:Token <your bot token> --project src/TalksBot
                    See "Run it in your Discord server" in README.md. Meanwhile, the console works: ./talksbot ask "Who led the U.S. delegation?"
                    """);
                return ExitCodes.Configuration;
            }

            try
            {
                using var host = builder.Build();
                await host.RunAsync(ct);
                return Environment.ExitCode;
            }
            catch (OptionsValidationException ex)
            {
                CliHost.WriteError("Configuration error: " + string.Join(" ", ex.Failures));
                return ExitCodes.Configuration;
            }
        });
        return command;
    }
}
