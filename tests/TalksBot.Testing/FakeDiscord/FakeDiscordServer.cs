using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using TalksBot.Testing.Web;

namespace TalksBot.Testing.FakeDiscord;

/// <summary>
/// A fake Discord on Kestrel (loopback): <c>GET /api/v10/gateway/bot</c>, a scriptable gateway WebSocket and the REST
/// routes a bot calls. Records every request; answers with scripted responses first, then realistic defaults.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<FakeGatewayConnection> _connections = new();
    private readonly List<ScriptedResponse> _scripted = [];
    private readonly ConcurrentDictionary<string, string> _messageByNonce = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (byte[] Content, string ContentType)> _files = new(StringComparer.Ordinal);
    private readonly Lock _scriptLock = new();
    private readonly CancellationTokenSource _stopping = new();
    private long _nextId = 900_000_000_000_000_000;

    private FakeDiscordServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>http://127.0.0.1:{port}</summary>
    public string Origin { get; private set; } = "";

    /// <summary>Give this to the bot as its API base URL; the gateway URL is then discovered from it.</summary>
    public string ApiBaseUrl => Origin + "/api/v10";

    public string GatewayUrl => Origin.Replace("http://", "ws://", StringComparison.Ordinal) + "/gateway";

    public string ResumeGatewayUrl => Origin.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume-gateway";

    /// <summary>The interval sent in Hello, in milliseconds.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41_250;

    /// <summary>Set false to withhold heartbeat ACKs (a zombie connection, from the client's point of view).</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>Answer Identify with READY.</summary>
    public bool AutoReady { get; set; } = true;

    /// <summary>Answer Resume by closing with 4000 instead of RESUMED: a session that cannot be resumed.</summary>
    public bool FailResumes { get; set; }

    /// <summary>How long the fake takes to answer each REST request that has no scripted delay; none by default.</summary>
    public Func<RecordedRequest, TimeSpan>? Latency { get; set; }

    public string BotUserId { get; set; } = "100000000000000001";

    public string ApplicationId { get; set; } = "100000000000000002";

    public string SessionId { get; set; } = "fake-session-1";

    /// <summary><c>session_start_limit.remaining</c> in /gateway/bot; each Identify spends one when sessions are kept.</summary>
    public int SessionStartRemaining { get; set; } = 999;

    /// <summary><c>shards</c> in /gateway/bot: the shard count Discord recommends.</summary>
    public int RecommendedShards { get; set; } = 1;

    /// <summary><c>session_start_limit.reset_after</c> in /gateway/bot, in milliseconds.</summary>
    public long SessionStartResetAfterMs { get; set; } = 14_400_000;

    /// <summary><c>session_start_limit.max_concurrency</c> in /gateway/bot: identifies allowed per 5 s.</summary>
    public int MaxConcurrency { get; set; } = 1;

    /// <summary>Discord's per-session event logs, once <see cref="KeepSessions"/> turned them on.</summary>
    public FakeGatewaySessions? Sessions { get; private set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<FakeGatewayConnection> Connections => [.. _connections];

    public static async Task<FakeDiscordServer> StartAsync()
    {
        var app = LoopbackWebApp.CreateBuilder().Build();
        var server = new FakeDiscordServer(app);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Origin = LoopbackWebApp.OriginOf(app);
        return server;
    }

    /// <summary>
    /// From now on Identify and Resume are answered as Discord does, with per-session event logs and replay
    /// (<see cref="FakeGatewaySessions"/>); send dispatches through the returned object.
    /// </summary>
    public FakeGatewaySessions KeepSessions() => Sessions ??= new FakeGatewaySessions(this);

    /// <summary>Answers the next matching request with <paramref name="response"/> instead of the default, once.</summary>
    public void Enqueue(ScriptedResponse response)
    {
        lock (_scriptLock)
        {
            _scripted.Add(response);
        }
    }

    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null) =>
        (await WaitForRequestsAsync(match, 1, timeout))[0];

    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(Func<RecordedRequest, bool> match, int count, TimeSpan? timeout = null)
    {
        await PollAsync(() => _requests.Count(match) >= count, timeout, $"{count} matching request(s)");
        return [.. _requests.Where(match)];
    }

    /// <summary>Waits for the gateway connection number <paramref name="index"/> (0 = first).</summary>
    public async Task<FakeGatewayConnection> WaitForConnectionAsync(int index = 0, TimeSpan? timeout = null)
    {
        await PollAsync(() => _connections.Count > index, timeout, $"gateway connection #{index}");
        return _connections.ElementAt(index);
    }

    /// <summary>
    /// Serves <paramref name="content"/> from the fake's file server (Discord's CDN: no token needed, signed query string)
    /// and returns the attachment object Discord puts in an interaction's <c>resolved.attachments</c>.
    /// </summary>
    public JsonObject AddAttachment(string fileName, byte[] content, string contentType = "text/plain; charset=utf-8", long? statedSize = null)
    {
        var id = NewId();
        var path = $"/attachments/{FakeDiscordEvents.ChannelId}/{id}/{fileName}";
        _files[path] = (content, contentType);
        var url = $"{Origin}{path}?ex=67b4c0de&is=67b36f5e&hm=5f2c";
        return new JsonObject
        {
            ["id"] = id,
            ["filename"] = fileName,
            ["size"] = statedSize ?? content.Length,
            ["url"] = url,
            ["proxy_url"] = url,
            ["content_type"] = contentType,
        };
    }

    public string NewId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
        Sessions?.Dispose();
    }

    internal static async Task PollAsync(Func<bool> condition, TimeSpan? timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The fake Discord did not see {what} within {timeout ?? DefaultTimeout}");
            }

            await Task.Delay(10);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Taken first, so a latency measured to here does not include reading the body.
        var arrived = Stopwatch.GetTimestamp();
        var path = context.Request.Path.Value ?? "";
        if (path is "/gateway" or "/resume-gateway" && context.WebSockets.IsWebSocketRequest)
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var connection = new FakeGatewayConnection(socket, path + context.Request.QueryString, this);
            _connections.Enqueue(connection);
            using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            await connection.RunAsync(aborted.Token);
            return;
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (path.StartsWith("/attachments/", StringComparison.Ordinal))
        {
            await ServeFileAsync(context, path, headers);
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var apiPath = path.StartsWith("/api/v10", StringComparison.Ordinal) ? path["/api/v10".Length..] : path;
        var request = new RecordedRequest(context.Request.Method, apiPath, headers, body, 0, DateTimeOffset.UtcNow)
        {
            Timestamp = arrived,
            // Which shard's process sent it, told apart by the token it identified with (tests give each process its own).
            Shard = headers.TryGetValue("Authorization", out var auth) && auth.StartsWith("Bot ", StringComparison.Ordinal)
                ? Sessions?.ShardOfToken(auth["Bot ".Length..])
                : null,
        };

        var (status, responseBody, responseHeaders, delay) = Respond(request);
        _requests.Enqueue(request with { Status = status });
        if (delay == TimeSpan.Zero && Latency is { } latency)
        {
            delay = latency(request);
        }

        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        context.Response.StatusCode = status;
        foreach (var (name, value) in responseHeaders ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (responseBody.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(responseBody);
        }
    }

    private async Task ServeFileAsync(HttpContext context, string path, IReadOnlyDictionary<string, string> headers)
    {
        var found = _files.TryGetValue(path, out var file);
        _requests.Enqueue(new RecordedRequest(context.Request.Method, path, headers, "", found ? 200 : 404, DateTimeOffset.UtcNow));
        context.Response.StatusCode = found ? 200 : 404;
        if (found)
        {
            context.Response.ContentType = file.ContentType;
            await context.Response.Body.WriteAsync(file.Content);
        }
    }

    private (int Status, string Body, IReadOnlyDictionary<string, string>? Headers, TimeSpan Delay) Respond(RecordedRequest request)
    {
        lock (_scriptLock)
        {
            var scripted = _scripted.FirstOrDefault(s => s.Matches(request));
            if (scripted is not null)
            {
                _scripted.Remove(scripted);
                return (scripted.Status, scripted.Body, scripted.Headers, scripted.Delay);
            }
        }

        if (request.Header("Authorization") is not { } auth || !auth.StartsWith("Bot ", StringComparison.Ordinal))
        {
            return (401, """{"message":"401: Unauthorized","code":0}""", null, TimeSpan.Zero);
        }

        var method = request.Method;
        var path = request.Path;
        var (status, body, headers) = (method, path) switch
        {
            ("GET", "/gateway/bot") => (200, new JsonObject
            {
                ["url"] = GatewayUrl,
                ["shards"] = RecommendedShards,
                ["session_start_limit"] = new JsonObject
                {
                    ["total"] = 1000, ["remaining"] = Math.Max(0, SessionStartRemaining), ["reset_after"] = SessionStartResetAfterMs, ["max_concurrency"] = MaxConcurrency,
                },
            }.ToJsonString(), null),
            ("GET", "/applications/@me") => (200, new JsonObject { ["id"] = ApplicationId, ["name"] = "TalksBot", ["bot_public"] = true }.ToJsonString(), null),
            ("PUT", _) when CommandsRoute().IsMatch(path) => (200, request.Body, null),
            ("POST", _) when CallbackRoute().IsMatch(path) => (204, "", null),
            ("PATCH", _) when OriginalRoute().IsMatch(path) => (200, Message(), null),
            ("POST", _) when WebhookRoute().IsMatch(path) => (200, Message(), null),
            ("POST", _) when TypingRoute().IsMatch(path) => (204, "", null),
            ("POST", _) when MessagesRoute().IsMatch(path) => (200, CreateMessage(request), null),
            _ => (404, """{"message":"404: Not Found","code":0}""", (IReadOnlyDictionary<string, string>?)null),
        };
        return (status, body, headers, TimeSpan.Zero);
    }

    // Like Discord: with enforce_nonce, a nonce already used returns the message created the first time.
    private string CreateMessage(RecordedRequest request)
    {
        var json = request.Json;
        if (json.TryGetProperty("enforce_nonce", out var enforce) && enforce.ValueKind == JsonValueKind.True
            && json.TryGetProperty("nonce", out var nonce) && nonce.GetString() is { } key)
        {
            return Message(_messageByNonce.GetOrAdd(key, _ => NewId()));
        }

        return Message();
    }

    private string Message(string? id = null) => new JsonObject { ["id"] = id ?? NewId(), ["channel_id"] = "1" }.ToJsonString();

    [GeneratedRegex(@"^/applications/\d+(/guilds/\d+)?/commands$")]
    private static partial Regex CommandsRoute();

    [GeneratedRegex(@"^/interactions/\d+/[^/]+/callback$")]
    private static partial Regex CallbackRoute();

    [GeneratedRegex(@"^/webhooks/\d+/[^/]+/messages/@original$")]
    private static partial Regex OriginalRoute();

    [GeneratedRegex(@"^/webhooks/\d+/[^/]+$")]
    private static partial Regex WebhookRoute();

    [GeneratedRegex(@"^/channels/\d+/typing$")]
    private static partial Regex TypingRoute();

    [GeneratedRegex(@"^/channels/\d+/messages$")]
    private static partial Regex MessagesRoute();
}
