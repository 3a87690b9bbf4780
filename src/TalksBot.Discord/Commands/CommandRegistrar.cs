using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Commands;

/// <summary>Bulk-overwrites every registered command on READY: per configured guild (immediate) or globally.</summary>
internal sealed partial class CommandRegistrar(CommandTable commands, DiscordApi api, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    private string? _registeredFor;

    public async Task RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        // READY comes after every identify; the overwrite is idempotent but counts against daily command creates.
        if (_registeredFor == applicationId)
        {
            return;
        }

        var definitions = commands.Definitions;
        var guilds = options.Value.GuildIds;
        if (guilds.Count == 0)
        {
            await api.BulkOverwriteCommandsAsync(applicationId, null, definitions, cancellationToken);
        }

        foreach (var guild in guilds)
        {
            await api.BulkOverwriteCommandsAsync(applicationId, guild, definitions, cancellationToken);
        }

        _registeredFor = applicationId;
        LogRegistered(definitions.Count, guilds.Count == 0 ? "globally" : $"in {guilds.Count} guild(s)");
    }

    [LoggerMessage(1101, LogLevel.Information, "Registered {Count} application commands {Scope}")]
    private partial void LogRegistered(int count, string scope);
}
