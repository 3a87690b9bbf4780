using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Hosting;

namespace TalksBot.Cli;

/// <summary>Runs one CLI verb inside the started host and turns known failures into a message and an exit code.</summary>
internal static class CliHost
{
    public static async Task<int> RunAsync(
        ParseResult parse, Option<string[]> config, Func<IServiceProvider, CancellationToken, Task<int>> verb,
        CancellationToken cancellationToken, bool hosted = false, IReadOnlyList<string>? overrides = null, bool start = true)
    {
        try
        {
            // A verb's own overrides come last: they decide what the verb is (its own index), whatever -c says.
            var builder = TalksBotHost.CreateBuilder([.. parse.GetValue(config) ?? [], .. overrides ?? []], hosted);
            using var host = builder.Build();
            // Before StartAsync, which would log a failed validation with its stack trace before we could say it plainly.
            host.ValidateOptions();
            // A verb that only needs the composition (register-commands) leaves the host's services - the gateway, the
            // managed Qdrant - unstarted.
            if (!start)
                return await verb(host.Services, cancellationToken);

            await host.StartAsync(cancellationToken);
            try
            {
                return await verb(host.Services, cancellationToken);
            }
            finally
            {
                // Stop what we started (the managed Qdrant) even when the verb failed or was cancelled.
                using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await host.StopAsync(stopTimeout.Token);
            }
        }
        catch (Exception ex) when (ConfigurationError.Describe(ex) is { } message)
        {
            WriteError(message);
            return ExitCodes.Configuration;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WriteError("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            // The top of a CLI verb: whatever failed, the person at the terminal gets one readable line and an exit code.
            WriteError(UserFacingError.Describe(ex));
            return ExitCodes.Failure;
        }
    }

    public static void WriteError(string message) =>
        Console.Error.WriteLine("talksbot: " + message);

    public static T Get<T>(this IServiceProvider services) where T : notnull => services.GetRequiredService<T>();
}
