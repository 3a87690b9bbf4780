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
    ShardAssignment shard,
    IdentifyGate identifyGate,
    DiscordBotStatus status,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<GatewayService> logger) : BackgroundService
{
    // A session that fails to resume this many times in a row is stale; identify afresh (discord.js #9001).
    private const int MaxFailedResumes = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var backoff = new ReconnectBackoff(settings.ReconnectBaseDelay, settings.ReconnectMaxDelay, Random.Shared.NextDouble);
        GatewaySession? session = null;
        GatewayBotResponse? gateway = null;
        var failures = 0;
        var failedResumes = 0;

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
                    gateway ??= await api.GetGatewayBotAsync(stoppingToken);
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

                if (shard.Resolve(gateway.Shards) is { } shardProblem)
                {
                    Stop(shardProblem, isConfiguration: true);
                    return;
                }

                var wait = identifyGate.WaitBefore(shard.Id, gateway.SessionStartLimit);
                if (wait.Reason == IdentifyWaitReason.SessionBudgetSpent)
                {
                    LogSessionBudgetSpent(wait.Delay);
                    await Task.Delay(wait.Delay, time, stoppingToken);
                    // Other processes share the budget: ask again rather than assume it was refilled for us.
                    gateway = null;
                    continue;
                }

                if (wait.Delay > TimeSpan.Zero)
                {
                    LogIdentifyWait(wait.Delay, shard.Id, IdentifyGate.RateLimitKey(shard.Id, gateway.SessionStartLimit?.MaxConcurrency ?? 1), wait.Reason);
                    await Task.Delay(wait.Delay, time, stoppingToken);
                }

                url = gateway.Url;
            }

            ConnectionEnd end;
            try
            {
                using var connection = new GatewayConnection(session, settings, shard, events, status, time, logger);
                end = await connection.RunAsync(GatewayConnection.BuildUrl(url), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // A bug in one connection must not end the bot: log it and reconnect as after any drop.
                LogConnectionCrashed(ex);
                // Counted as an identify unless it was resuming: it may have sent one before failing.
                end = new ConnectionEnd(ConnectionEndKind.Resume, "unexpected error", Session: session, IdentifiedAt: resuming ? null : time.GetUtcNow());
            }

            if (end.IdentifiedAt is { } identifiedAt)
            {
                identifyGate.Identified(shard.Id, identifiedAt);
            }

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
                // Ask again where to connect (a stale URL may be why identifying keeps failing) and what budget is left.
                gateway = null;
            }

            var delay = end.InvalidSession && session is null
                ? settings.InvalidSessionDelay + (settings.InvalidSessionDelay * Random.Shared.NextDouble())
                : backoff.For(failures);
            LogReconnecting(end.Reason, session is not null, delay);
            await Task.Delay(delay, time, stoppingToken);
        }
    }

    private void Stop(string message, bool isConfiguration = false)
    {
        status.SetFatal(message, isConfiguration);
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

    [LoggerMessage(1016, LogLevel.Information, "Waiting {Wait} to identify shard {ShardId} (rate-limit bucket {Bucket}): {Reason}; Discord allows one identify per bucket per 5 s")]
    private partial void LogIdentifyWait(TimeSpan wait, int shardId, int bucket, IdentifyWaitReason reason);

    [LoggerMessage(1010, LogLevel.Warning, "The daily identify budget (session_start_limit) is spent; waiting {Wait} before asking Discord again")]
    private partial void LogSessionBudgetSpent(TimeSpan wait);
}
