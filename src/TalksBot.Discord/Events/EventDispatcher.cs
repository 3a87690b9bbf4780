using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalksBot.Discord.Commands;
using TalksBot.Discord.Gateway;

namespace TalksBot.Discord.Events;

/// <summary>
/// Reads gateway dispatches off the receive loop's queue and routes them; a few workers, each step quick. One more worker
/// answers the events shed when those fall behind, telling each question the bot is busy.
/// </summary>
internal sealed partial class EventDispatcher(
    GatewayEventQueue events,
    CommandRegistrar registrar,
    ShardAssignment shard,
    InteractionRouter interactions,
    MessageRouter messages,
    DiscordBotStatus status,
    ILogger<EventDispatcher> logger) : BackgroundService
{
    private const int Workers = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers)
            .Select(_ => RunWorkerAsync(events.ReadAllAsync(stoppingToken), busy: false, stoppingToken))
            .Append(RunWorkerAsync(events.ReadAllShedAsync(stoppingToken), busy: true, stoppingToken)));

    private async Task RunWorkerAsync(IAsyncEnumerable<GatewayEvent> dispatches, bool busy, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var dispatch in dispatches)
            {
                try
                {
                    await RouteAsync(dispatch, busy, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogEventFailed(ex, dispatch.Type);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task RouteAsync(GatewayEvent dispatch, bool busy, CancellationToken cancellationToken)
    {
        // Unsharded, every guild and DM is ours: the event's guild_id is read only when there are other shards.
        if (dispatch.Type is "INTERACTION_CREATE" or "MESSAGE_CREATE" && shard.Sharded
            && GuildIdOf(dispatch.Data) is var guildId && !ShardAssignment.Owns(shard.Id, shard.Count, guildId))
        {
            // Discord never sends another shard's guild here; if it did, that shard answers too, and one answer is enough.
            LogNotOurShard(dispatch.Type, guildId ?? "none (a DM)", shard.Id, shard.Count);
            return Task.CompletedTask;
        }

        return dispatch.Type switch
        {
            // One process registers: every shard gets READY, and the overwrite counts against Discord's daily command creates.
            "READY" when status.ApplicationId is { } applicationId && shard.RegistersCommands => registrar.RegisterAsync(applicationId, cancellationToken),
            "INTERACTION_CREATE" => interactions.RouteAsync(dispatch.Data, busy, cancellationToken),
            "MESSAGE_CREATE" => messages.RouteAsync(dispatch.Data, busy, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private static string? GuildIdOf(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("guild_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    [LoggerMessage(1403, LogLevel.Debug, "Ignoring a {EventType} event for guild {GuildId}: shard {ShardId} of {ShardCount} does not own it")]
    private partial void LogNotOurShard(string eventType, string guildId, int shardId, int shardCount);

    [LoggerMessage(1402, LogLevel.Error, "Handling the {EventType} event failed")]
    private partial void LogEventFailed(Exception exception, string eventType);
}
