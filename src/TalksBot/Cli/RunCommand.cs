using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalksBot.Discord;
using TalksBot.Hosting;
using TalksBot.Indexing;

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
                // Taken before running: the host disposes its services when it is disposed.
                var status = host.Services.GetService<DiscordBotStatus>();
                host.ValidateOptions();
                await host.StartAsync(ct);
                // The bot answers from the index: on an empty machine build it now, whatever the folder watcher is set to.
                try
                {
                    await host.Services.GetRequiredService<ArticleIndexService>().EnsureServingAsync(progress: null, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Stopped while building: fall through, so the host stops its services before it is disposed.
                }

                // With ct already cancelled this stops the host at once, waiting for its background work.
                await host.WaitForShutdownAsync(ct);
                // The gateway stops the host on a close code retrying cannot fix (bad token, disallowed intents): a
                // supervisor must see that as a failure, not a clean stop.
                if (status?.FatalError is { } fatal)
                {
                    CliHost.WriteError("The Discord bot stopped: " + fatal);
                    return status.FatalIsConfiguration ? ExitCodes.Configuration : ExitCodes.Failure;
                }

                return Environment.ExitCode;
            }
            catch (Exception ex) when (ConfigurationError.Describe(ex) is { } message)
            {
                CliHost.WriteError(message);
                return ExitCodes.Configuration;
            }
        });
        return command;
    }
}
