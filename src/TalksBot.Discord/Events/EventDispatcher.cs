using System.Threading.Channels;
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
    InteractionRouter interactions,
    MessageRouter messages,
    DiscordBotStatus status,
    ILogger<EventDispatcher> logger) : BackgroundService
{
    private const int Workers = 8;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers)
            .Select(_ => RunWorkerAsync(events.Reader, busy: false, stoppingToken))
            .Append(RunWorkerAsync(events.ShedReader, busy: true, stoppingToken)));

    private async Task RunWorkerAsync(ChannelReader<GatewayEvent> reader, bool busy, CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var dispatch in reader.ReadAllAsync(stoppingToken))
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

    private Task RouteAsync(GatewayEvent dispatch, bool busy, CancellationToken cancellationToken) => dispatch.Type switch
    {
        "READY" when status.ApplicationId is { } applicationId => registrar.RegisterAsync(applicationId, cancellationToken),
        "INTERACTION_CREATE" => interactions.RouteAsync(dispatch.Data, busy, cancellationToken),
        "MESSAGE_CREATE" => messages.RouteAsync(dispatch.Data, busy, cancellationToken),
        _ => Task.CompletedTask,
    };

    [LoggerMessage(1402, LogLevel.Error, "Handling the {EventType} event failed")]
    private partial void LogEventFailed(Exception exception, string eventType);
}
