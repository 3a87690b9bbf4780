using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Commands;

/// <summary>
/// Bulk-overwrites every registered command: per configured guild (immediate) or globally. Run on READY by shard 0 only,
/// or once by <c>talksbot register-commands</c>.
/// </summary>
internal sealed partial class CommandRegistrar(CommandTable commands, DiscordApi api, IOptions<DiscordOptions> options, ILogger<CommandRegistrar> logger)
{
    private string? _registeredFor;

    public async Task<RegisteredCommands> RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        var definitions = commands.Definitions;
        var guilds = options.Value.GuildIds;
        var registered = new RegisteredCommands(definitions.Count, guilds.Count);
        // READY comes after every identify; the overwrite is idempotent but counts against daily command creates.
        if (_registeredFor == applicationId)
        {
            return registered;
        }

        if (guilds.Count == 0)
        {
            await api.BulkOverwriteCommandsAsync(applicationId, null, definitions, cancellationToken);
        }

        foreach (var guild in guilds)
        {
            await api.BulkOverwriteCommandsAsync(applicationId, guild, definitions, cancellationToken);
        }

        _registeredFor = applicationId;
        LogRegistered(definitions.Count, registered.Scope);
        return registered;
    }

    /// <summary>Asks Discord for the application id first: without a gateway session there is no READY to read it from.</summary>
    public async Task<RegisteredCommands> RegisterAsync(CancellationToken cancellationToken) =>
        await RegisterAsync(await api.GetApplicationIdAsync(cancellationToken), cancellationToken);

    [LoggerMessage(1101, LogLevel.Information, "Registered {Count} application commands {Scope}")]
    private partial void LogRegistered(int count, string scope);
}
