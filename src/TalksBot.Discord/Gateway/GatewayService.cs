using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Gateway;

/// <summary>Keeps one gateway session alive: resume when allowed, identify when not, back off on failure, stop on fatal close codes.</summary>
internal sealed partial class GatewayService(
    DiscordApi api,
    GatewayEventQueue events,
    DiscordBotStatus status,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<GatewayService> logger) : BackgroundService
{
    // A session that fails to resume this many times in a row is stale; identify afresh (discord.js #9001).
    private const int MaxFailedResumes = 3;

    // Discord allows max_concurrency identifies per 5 s, per bucket (shard_id % max_concurrency); one shard per process is
    // one bucket, so one identify per 5 s. Found by the gateway soak: after close 1000/1001/4009 or op 9 false the bot
    // identified again within half a second, faster than Discord allows.
    private static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = new ReconnectBackoff(settings.ReconnectBaseDelay, settings.ReconnectMaxDelay, Random.Shared.NextDouble);
        GatewaySession? session = null;
        string? gatewayUrl = null;
        var failures = 0;
        var failedResumes = 0;
        DateTimeOffset? lastIdentify = null;

        while (!stoppingToken.IsCancellationRequested)
        {
            var resuming = session is not null;
            string url;
            if (session is not null)
            {
                url = session.ResumeGatewayUrl;
            }
            else
            {
                try
                {
                    gatewayUrl ??= await FetchGatewayUrlAsync(stoppingToken);
                }
                catch (DiscordRestException ex) when (ex.Status == HttpStatusCode.Unauthorized)
                {
                    Stop("Discord rejected the bot token (401 Unauthorized on GET /gateway/bot). " + GatewayCloseCodes.TokenFix);
                    return;
                }
                catch (Exception ex) when (ex is DiscordRestException or System.Text.Json.JsonException)
                {
                    failures++;
                    LogGatewayLookupFailed(ex.Message);
                    await Task.Delay(backoff.For(failures), time, stoppingToken);
                    continue;
                }

                url = gatewayUrl;
                if (lastIdentify + IdentifyWindow - time.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
                {
                    LogIdentifyWait(wait);
                    await Task.Delay(wait, time, stoppingToken);
                }
            }

            ConnectionEnd end;
            try
            {
                using var connection = new GatewayConnection(session, settings, events, status, time, logger);
                end = await connection.RunAsync(GatewayConnection.BuildUrl(url), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A bug in one connection must not end the bot: log it and reconnect as after any drop.
                LogConnectionCrashed(ex);
                // Counted as an identify unless it was resuming: it may have sent one before failing.
                end = new ConnectionEnd(ConnectionEndKind.Resume, "unexpected error", Session: session, IdentifiedAt: resuming ? null : time.GetUtcNow());
            }

            lastIdentify = end.IdentifiedAt ?? lastIdentify;

            switch (end.Kind)
            {
                case ConnectionEndKind.Shutdown:
                    return;
                case ConnectionEndKind.Fatal:
                    // Without a close code the refusal was ours (e.g. an oversize Identify) and the reason says why.
                    Stop(end.CloseCode is { } code ? GatewayCloseCodes.Explain(code) : end.Reason);
                    return;
            }

            failures = end.ReachedReady ? 0 : failures + 1;
            failedResumes = !resuming || end.Resumed ? 0 : failedResumes + 1;
            session = end.Session;
            if (end.Kind == ConnectionEndKind.Identify || failedResumes >= MaxFailedResumes)
            {
                session = null;
                failedResumes = 0;
                // Ask again where to connect: a stale URL may be why identifying keeps failing.
                gatewayUrl = null;
            }

            var delay = end.InvalidSession && session is null
                ? settings.InvalidSessionDelay + (settings.InvalidSessionDelay * Random.Shared.NextDouble())
                : backoff.For(failures);
            LogReconnecting(end.Reason, session is not null, delay);
            await Task.Delay(delay, time, stoppingToken);
        }
    }

    private async Task<string> FetchGatewayUrlAsync(CancellationToken cancellationToken)
    {
        var gateway = await api.GetGatewayBotAsync(cancellationToken);
        if (gateway.SessionStartLimit is { Remaining: 0, ResetAfter: > 0 } limit)
        {
            // Identifying beyond the daily budget makes Discord reset the token; wait for the budget instead.
            var wait = TimeSpan.FromMilliseconds(limit.ResetAfter);
            LogSessionBudgetSpent(wait);
            await Task.Delay(wait, time, cancellationToken);
        }

        return gateway.Url;
    }

    private void Stop(string message)
    {
        status.SetFatal(message);
        LogFatal(message);
        lifetime.StopApplication();
    }

    [LoggerMessage(1003, LogLevel.Critical, "The Discord bot is stopping and will not reconnect: {Message}")]
    private partial void LogFatal(string message);

    [LoggerMessage(1008, LogLevel.Information, "Gateway connection ended ({Reason}); reconnecting (resume: {Resume}) in {Delay}")]
    private partial void LogReconnecting(string reason, bool resume, TimeSpan delay);

    [LoggerMessage(1012, LogLevel.Error, "The gateway connection failed unexpectedly")]
    private partial void LogConnectionCrashed(Exception exception);

    [LoggerMessage(1009, LogLevel.Warning, "Could not ask Discord for the gateway URL: {Reason}")]
    private partial void LogGatewayLookupFailed(string reason);

    [LoggerMessage(1013, LogLevel.Debug, "Waiting {Wait} to identify: Discord allows one identify per 5 s")]
    private partial void LogIdentifyWait(TimeSpan wait);

    [LoggerMessage(1010, LogLevel.Warning, "The daily identify budget is spent; waiting {Wait} before connecting")]
    private partial void LogSessionBudgetSpent(TimeSpan wait);
}
