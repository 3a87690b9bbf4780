using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TalksBot.Hosting;

/// <summary>The one place the application is composed; every CLI verb and the hosted bot start here.</summary>
internal static class TalksBotHost
{
    /// <param name="overrides">"Key=Value" pairs from <c>--config</c>; they win over every other source.</param>
    /// <param name="hosted">True for <c>run</c> (the long-running bot): Information logs; CLI verbs log warnings only, to stderr.</param>
    public static HostApplicationBuilder CreateBuilder(IReadOnlyList<string> overrides, bool hosted)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "talksbot",
            // appsettings.json ships beside the binary; data paths in it are relative to the current directory.
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });

        // Precedence, lowest first: appsettings, user secrets (where the Discord token belongs on a dev machine),
        // environment variables (Qdrant__Url, Discord__Token, ...), then --config overrides.
        builder.Configuration
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{builder.Environment.EnvironmentName}.json", optional: true)
            .AddUserSecrets(typeof(TalksBotHost).Assembly, optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(ParseOverrides(overrides));

        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        // Keep stdout for answers (ask --json prints exactly one object): every log line goes to stderr.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(
            o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (!hosted && builder.Configuration["Logging:LogLevel:Default"] is null)
            builder.Logging.SetMinimumLevel(LogLevel.Warning);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTalksBotServices(hosted);
        return builder;
    }

    /// <summary>Key=Value pairs as configuration; a key given twice takes the later value, as on any command line.</summary>
    internal static IReadOnlyDictionary<string, string?> ParseOverrides(IReadOnlyList<string> overrides)
    {
        var parsed = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in overrides)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new ConfigurationOverrideException($"--config expects Key=Value (e.g. Qdrant:Url=http://localhost:6333), got \"{pair}\".");
            parsed[pair[..eq].Trim()] = pair[(eq + 1)..];
        }

        return parsed;
    }

    /// <summary>
    /// Runs the options validation <c>ValidateOnStart</c> registered, now, so a bad setting surfaces as an
    /// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> to report plainly, instead of being logged
    /// by the host with its stack trace first.
    /// </summary>
    public static void ValidateOptions(this IHost host) => host.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
}
