using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TalksBot.Testing.FakeDiscord;

/// <summary>
/// One client socket on the fake gateway. On its own it sends Hello, ACKs heartbeats (unless the server withholds them),
/// answers Identify with READY and Resume with RESUMED; tests script the rest (dispatches, op 7, op 9, close codes).
/// </summary>
public sealed class FakeGatewayConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly FakeDiscordServer _server;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentQueue<(DateTimeOffset At, JsonElement Payload)> _received = new();
    private readonly ConcurrentQueue<SentPayload> _sent = new();
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;

    internal FakeGatewayConnection(WebSocket socket, string pathAndQuery, FakeDiscordServer server)
    {
        _socket = socket;
        _server = server;
        PathAndQuery = pathAndQuery;
    }

    /// <summary>e.g. <c>/resume-gateway?v=10&amp;encoding=json</c>.</summary>
    public string PathAndQuery { get; }

    /// <summary>Completes when the client closes (its close code) or drops the socket (null).</summary>
    public Task<int?> Closed => _closed.Task;

    public IReadOnlyList<JsonElement> Received => [.. _received.Select(r => r.Payload)];

    /// <summary>Every payload sent to the client, with when it went onto the socket.</summary>
    public IReadOnlyList<SentPayload> Sent => [.. _sent];

    public IReadOnlyList<JsonElement> PayloadsWithOp(int op) => [.. _received.Where(r => Op(r.Payload) == op).Select(r => r.Payload)];

    /// <summary>When each payload with <paramref name="op"/> arrived.</summary>
    public IReadOnlyList<DateTimeOffset> ArrivalTimes(int op) => [.. _received.Where(r => Op(r.Payload) == op).Select(r => r.At)];

    /// <summary>Waits for the <paramref name="count"/>-th payload with <paramref name="op"/> and returns it.</summary>
    public async Task<JsonElement> WaitForPayloadAsync(int op, int count = 1, TimeSpan? timeout = null)
    {
        await FakeDiscordServer.PollAsync(() => PayloadsWithOp(op).Count >= count, timeout, $"{count} payload(s) with op {op}");
        return PayloadsWithOp(op)[count - 1];
    }

    public Task SendDispatchAsync(string type, JsonNode data) =>
        SendAsync(0, data, Interlocked.Increment(ref _sequence), type);

    public Task SendReconnectAsync() => SendAsync(7, null);

    public Task SendInvalidSessionAsync(bool resumable) => SendAsync(9, JsonValue.Create(resumable));

    public Task RequestHeartbeatAsync() => SendAsync(1, null);

    /// <summary>Drops the connection without a close frame, like a network failure.</summary>
    public void Abort() => _socket.Abort();

    public async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public async Task SendAsync(int op, JsonNode? data, long? sequence = null, string? type = null)
    {
        var payload = new JsonObject { ["op"] = op, ["d"] = data?.DeepClone(), ["s"] = sequence, ["t"] = type };
        var bytes = Encoding.UTF8.GetBytes(payload.ToJsonString());
        await _sendLock.WaitAsync();
        try
        {
            // After the lock: a burst of sends queues here, and the client cannot see a payload before it is written.
            _sent.Enqueue(new SentPayload(Stopwatch.GetTimestamp(), payload));
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(10, new JsonObject { ["heartbeat_interval"] = _server.HeartbeatIntervalMs });
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            while (true)
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
                    _closed.TrySetResult((int?)_socket.CloseStatus);
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    }

                    return;
                }

                var payload = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                _received.Enqueue((DateTimeOffset.UtcNow, payload));
                await RespondAsync(payload);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            _closed.TrySetResult(_socket.CloseStatus is { } status ? (int)status : null);
        }
    }

    private async Task RespondAsync(JsonElement payload)
    {
        switch (Op(payload))
        {
            case 1 when _server.AckHeartbeats:
                await SendAsync(11, null);
                break;
            case 2 when _server.Sessions is { } sessions:
                await sessions.IdentifyAsync(this, payload);
                break;
            case 6 when _server.Sessions is { } sessions:
                await sessions.ResumeAsync(this, payload);
                break;
            case 2 when _server.AutoReady:
                Interlocked.Exchange(ref _sequence, 0);
                await SendDispatchAsync("READY", new JsonObject
                {
                    ["v"] = 10,
                    ["session_id"] = _server.SessionId,
                    ["resume_gateway_url"] = _server.ResumeGatewayUrl,
                    ["user"] = new JsonObject { ["id"] = _server.BotUserId, ["username"] = "TalksBot", ["bot"] = true },
                    ["application"] = new JsonObject { ["id"] = _server.ApplicationId, ["flags"] = 0 },
                    ["guilds"] = new JsonArray(),
                });
                break;
            case 6 when _server.FailResumes:
                await CloseAsync(4000, "Unknown error");
                break;
            case 6:
                var seq = payload.GetProperty("d").TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0;
                Interlocked.Exchange(ref _sequence, seq);
                await SendDispatchAsync("RESUMED", new JsonObject());
                break;
        }
    }

    private static int Op(JsonElement payload) =>
        payload.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.Number ? op.GetInt32() : -1;
}
