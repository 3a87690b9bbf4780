using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace TalksBot.Discord.Gateway;

/// <summary>
/// One gateway WebSocket, from connect to close: Hello, heartbeats, Identify or Resume, dispatches into the event queue.
/// A new instance per socket, so no state (ACK flag, sequence) leaks into the next connection.
/// </summary>
internal sealed partial class GatewayConnection : IDisposable
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(3);

    // Discord closes the socket with 4002 on a payload over 4096 bytes.
    private const int MaxPayloadBytes = 4096;

    private readonly DiscordOptions _options;
    private readonly ShardAssignment _shard;
    private readonly GatewayEventQueue _events;
    private readonly DiscordBotStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    // Discord allows 120 gateway sends per connection per 60 s; heartbeats count too. Never queued: a send that waited
    // for the next window would hold up the receive loop, which sends Identify and requested heartbeats.
    private readonly FixedWindowRateLimiter _sendBudget = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = 120,
        Window = TimeSpan.FromSeconds(60),
        QueueLimit = 0,
    });

    private readonly TaskCompletionSource<ConnectionEnd> _end = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<TimeSpan> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly GatewaySession? _resume;
    private GatewaySession? _session;
    private long _sequence;
    private volatile bool _ackReceived;
    private volatile bool _reachedReady;
    private volatile bool _resumed;
    private DateTimeOffset? _identifiedAt;

    public GatewayConnection(GatewaySession? resume, DiscordOptions options, ShardAssignment shard, GatewayEventQueue events, DiscordBotStatus status,
        TimeProvider time, ILogger logger)
    {
        _shard = shard;
        _resume = resume;
        _session = resume;
        _sequence = resume?.Sequence ?? -1;
        _options = options;
        _events = events;
        _status = status;
        _time = time;
        _logger = logger;
    }

    public static Uri BuildUrl(string baseUrl) =>
        new UriBuilder(baseUrl) { Query = "v=10&encoding=json" }.Uri;

    public async Task<ConnectionEnd> RunAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(ConnectTimeout);
            await _socket.ConnectAsync(url, connectTimeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Finish(new ConnectionEnd(_resume is null ? ConnectionEndKind.Identify : ConnectionEndKind.Resume, $"could not connect: {ex.Message}"));
        }
        catch (OperationCanceledException)
        {
            return Finish(new ConnectionEnd(ConnectionEndKind.Shutdown, "stopping"));
        }

        LogConnected(url.GetLeftPart(UriPartial.Path), _resume is not null);

        // Not linked to the host's token: cancelling a pending ReceiveAsync aborts the socket, and shutdown must close it with 1000 first.
        using var receiving = new CancellationTokenSource();
        using var heartbeating = new CancellationTokenSource();
        var receive = ReceiveLoopAsync(receiving.Token);
        var heartbeat = HeartbeatLoopAsync(heartbeating.Token);

        ConnectionEnd end;
        try
        {
            end = await _end.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            end = new ConnectionEnd(ConnectionEndKind.Shutdown, "stopping");
        }

        await heartbeating.CancelAsync();
        await heartbeat;
        if (end.Kind == ConnectionEndKind.Shutdown)
        {
            await CloseNormallyAsync(receive);
        }

        // Never 1000/1001 otherwise: those end the session, and we want to resume it.
        await receiving.CancelAsync();
        _socket.Abort();
        await receive;
        _status.SetConnected(false);
        return Finish(end);
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
        _sendBudget.Dispose();
    }

    private ConnectionEnd Finish(ConnectionEnd end) => end with
    {
        Session = _session is null ? null : _session with { Sequence = CurrentSequence() },
        ReachedReady = _reachedReady,
        Resumed = _resumed,
        IdentifiedAt = _identifiedAt,
    };

    private long? CurrentSequence()
    {
        var value = Interlocked.Read(ref _sequence);
        return value < 0 ? null : value;
    }

    private void End(ConnectionEnd end)
    {
        // Not ready from the moment the connection is lost: an orchestrator probing readiness sees it at once.
        _status.SetConnected(false);
        _end.TrySetResult(end);
    }

    // Sends 1000 and waits briefly for Discord's close frame, which ends the receive loop.
    private async Task CloseNormallyAsync(Task receive)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseTimeout);
            await _sendLock.WaitAsync(timeout.Token);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "shutting down", timeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }

            await receive.WaitAsync(CloseTimeout);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidOperationException or TimeoutException)
        {
            LogCloseFailed(ex.Message);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                message.SetLength(0);
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    var code = (int?)_socket.CloseStatus;
                    var kind = GatewayCloseCodes.Classify(code);
                    LogClosedByServer(code, _socket.CloseStatusDescription);
                    End(new ConnectionEnd(kind, $"closed by Discord with {code}", code));
                    return;
                }

                var payload = JsonSerializer.Deserialize(message.GetBuffer().AsSpan(0, (int)message.Length), GatewayJsonContext.Default.GatewayPayload);
                if (payload is not null)
                {
                    await HandleAsync(payload, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or OperationCanceledException)
        {
            // An abrupt drop (or our own Abort after a zombie, which surfaces as "Aborted") without a close frame is resumable.
            End(new ConnectionEnd(ConnectionEndKind.Resume, $"socket dropped: {ex.Message}"));
        }
        catch (JsonException ex)
        {
            End(new ConnectionEnd(ConnectionEndKind.Resume, $"undecodable gateway payload: {ex.Message}"));
        }
    }

    private async Task HandleAsync(GatewayPayload payload, CancellationToken cancellationToken)
    {
        switch (payload.Op)
        {
            case GatewayOpcode.Dispatch:
                HandleDispatch(payload);
                break;
            case GatewayOpcode.Hello:
                var hello = GatewayData.Hello(payload.D);
                _ackReceived = true;
                _hello.TrySetResult(TimeSpan.FromMilliseconds(hello.HeartbeatInterval));
                await IdentifyOrResumeAsync(cancellationToken);
                break;
            case GatewayOpcode.Heartbeat:
                // Discord asked for a heartbeat now; this is not a missed ACK.
                await SendHeartbeatAsync(cancellationToken);
                break;
            case GatewayOpcode.HeartbeatAck:
                _ackReceived = true;
                break;
            case GatewayOpcode.Reconnect:
                End(new ConnectionEnd(ConnectionEndKind.Resume, "Discord asked to reconnect (op 7)"));
                break;
            case GatewayOpcode.InvalidSession:
                var resumable = payload.D.ValueKind == JsonValueKind.True;
                End(new ConnectionEnd(resumable ? ConnectionEndKind.Resume : ConnectionEndKind.Identify,
                    $"invalid session (op 9, resumable: {resumable})", InvalidSession: true));
                break;
            default:
                LogUnknownOpcode(payload.Op);
                break;
        }
    }

    private void HandleDispatch(GatewayPayload payload)
    {
        if (payload.S is { } sequence)
        {
            Interlocked.Exchange(ref _sequence, sequence);
        }

        switch (payload.T)
        {
            case "READY":
                var ready = GatewayData.Ready(payload.D);
                _session = new GatewaySession(ready.SessionId, ready.ResumeGatewayUrl, payload.S);
                _status.SetReady(ready.User.Id, ready.Application.Id);
                _status.SetConnected(true);
                _reachedReady = true;
                LogReady(ready.User.Id, _shard.Id, _shard.Count);
                break;
            case "RESUMED":
                _status.SetConnected(true);
                _reachedReady = true;
                _resumed = true;
                LogResumed(CurrentSequence());
                break;
        }

        // Never wait for room here: while this loop waits, heartbeat ACKs go unread and the connection looks dead.
        if (payload.T is not null && _events.Admit(new GatewayEvent(payload.T, payload.D)) == EventAdmission.Dropped)
        {
            LogEventDropped(payload.T, payload.S, _events.Capacity);
        }
    }

    private async Task HeartbeatLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            var interval = await _hello.Task.WaitAsync(HelloTimeout, _time, cancellationToken);
            // Discord asks for a random first delay so reconnecting clients don't heartbeat in lockstep.
            await Task.Delay(interval * Random.Shared.NextDouble(), _time, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!_ackReceived)
                {
                    LogZombie(interval);
                    End(new ConnectionEnd(ConnectionEndKind.Resume, "no heartbeat ACK: zombie connection"));
                    return;
                }

                _ackReceived = false;
                await SendHeartbeatAsync(cancellationToken);
                await Task.Delay(interval, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (TimeoutException)
        {
            End(new ConnectionEnd(ConnectionEndKind.Resume, "no Hello from Discord"));
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or OperationCanceledException)
        {
            End(new ConnectionEnd(ConnectionEndKind.Resume, $"heartbeat failed: {ex.Message}"));
        }
    }

    private async Task SendHeartbeatAsync(CancellationToken cancellationToken)
    {
        var result = await SendAsync(new HeartbeatPayload(CurrentSequence()), GatewayJsonContext.Default.HeartbeatPayload, cancellationToken);
        if (result != GatewaySendResult.Sent)
        {
            // Not sent, so no ACK is owed: the next beat must not take the connection for a zombie because of it.
            _ackReceived = true;
            LogHeartbeatNotSent(result);
        }
    }

    private async Task IdentifyOrResumeAsync(CancellationToken cancellationToken)
    {
        var what = _resume is null ? "Identify" : "Resume";
        switch (await SendIdentifyOrResumeAsync(cancellationToken))
        {
            case GatewaySendResult.TooLarge:
                // The same payload would be too large on every attempt: only the operator can fix it.
                End(new ConnectionEnd(ConnectionEndKind.Fatal,
                    $"The gateway {what} payload is over Discord's {MaxPayloadBytes}-byte limit. Check that Discord:Token holds only the bot token."));
                break;
            case GatewaySendResult.BudgetSpent:
                End(new ConnectionEnd(_resume is null ? ConnectionEndKind.Identify : ConnectionEndKind.Resume,
                    $"the gateway send budget was spent before {what} could be sent"));
                break;
        }
    }

    private async Task<GatewaySendResult> SendIdentifyOrResumeAsync(CancellationToken cancellationToken)
    {
        if (_resume is not null)
        {
            return await SendAsync(new ResumePayload(new ResumeData(_options.Token, _resume.SessionId, _resume.Sequence)),
                GatewayJsonContext.Default.ResumePayload, cancellationToken);
        }

        var identify = new IdentifyData(
            _options.Token,
            (int)Intents(_options),
            new IdentifyProperties(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "TalksBot", "TalksBot"),
            [_shard.Id, _shard.Count]);
        var sent = await SendAsync(new IdentifyPayload(identify), GatewayJsonContext.Default.IdentifyPayload, cancellationToken);
        if (sent == GatewaySendResult.Sent)
        {
            // Taken after the send, so Discord's 5 s identify window is never counted from before the Identify left.
            _identifiedAt = _time.GetUtcNow();
        }

        return sent;
    }

    internal static GatewayIntents Intents(DiscordOptions options)
    {
        var intents = GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages;
        // Message content is privileged; mentions and DMs carry their text without it, only auto-reply channels need it.
        return options.AutoReplyChannelIds.Count > 0 ? intents | GatewayIntents.MessageContent : intents;
    }

    private async Task<GatewaySendResult> SendAsync<T>(T payload, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, typeInfo);
        if (bytes.Length > MaxPayloadBytes)
        {
            LogPayloadTooLarge(typeof(T).Name, bytes.Length, MaxPayloadBytes);
            return GatewaySendResult.TooLarge;
        }

        using var lease = _sendBudget.AttemptAcquire(1);
        if (!lease.IsAcquired)
        {
            return GatewaySendResult.BudgetSpent;
        }

        // ClientWebSocket allows one SendAsync at a time: this lock is the single writer.
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            // Not cancellable: cancelling a WebSocket send aborts the socket, which would spoil a clean 1000 close on shutdown.
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }

        return GatewaySendResult.Sent;
    }

    [LoggerMessage(1014, LogLevel.Warning, "A heartbeat was not sent ({Result}); the connection stays up and the next beat tries again")]
    private partial void LogHeartbeatNotSent(GatewaySendResult result);

    [LoggerMessage(1015, LogLevel.Error, "Not sending a {Payload} of {Bytes} bytes: Discord's gateway limit is {Limit} bytes")]
    private partial void LogPayloadTooLarge(string payload, int bytes, int limit);

    [LoggerMessage(1001, LogLevel.Information, "Connected to the Discord gateway at {Url} (resuming: {Resuming})")]
    private partial void LogConnected(string url, bool resuming);

    [LoggerMessage(1002, LogLevel.Information, "Discord session ready as user {UserId} (shard {ShardId}/{ShardCount})")]
    private partial void LogReady(string userId, int shardId, int shardCount);

    [LoggerMessage(1004, LogLevel.Information, "Discord session resumed at sequence {Sequence}")]
    private partial void LogResumed(long? sequence);

    [LoggerMessage(1005, LogLevel.Warning, "No heartbeat ACK within {Interval}; dropping the zombie connection to resume")]
    private partial void LogZombie(TimeSpan interval);

    [LoggerMessage(1006, LogLevel.Warning, "Discord closed the gateway with code {CloseCode} ({Description})")]
    private partial void LogClosedByServer(int? closeCode, string? description);

    [LoggerMessage(1011, LogLevel.Debug, "Closing the gateway cleanly failed: {Reason}")]
    private partial void LogCloseFailed(string reason);

    [LoggerMessage(1013, LogLevel.Error, "Dropped the {EventType} event at sequence {Sequence}: the event queue and its busy-reply queue are full ({Capacity} each)")]
    private partial void LogEventDropped(string eventType, long? sequence, int capacity);

    [LoggerMessage(1007, LogLevel.Debug, "Ignoring unknown gateway opcode {Op}")]
    private partial void LogUnknownOpcode(int op);
}
