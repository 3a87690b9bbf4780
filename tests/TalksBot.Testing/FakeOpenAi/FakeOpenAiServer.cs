using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Testing.Web;

namespace TalksBot.Testing.FakeOpenAi;

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 (random port) for tests: POST /v1/chat/completions (JSON, or SSE chunks
/// ending in <c>data: [DONE]</c> when <c>stream</c> is true, with the <c>tools</c> / <c>tool_calls</c> protocol) and
/// POST /v1/embeddings (float or base64 vectors). It records every request, answers 400 to a malformed one as OpenAI
/// does (including a tool result that answers no call), and otherwise replies from scripted queues.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private static readonly string[] Roles = ["system", "developer", "user", "assistant", "tool"];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeOpenAiReply> _chatReplies = new();
    private readonly ConcurrentQueue<FakeOpenAiReply> _embeddingReplies = new();
    private readonly List<FakeOpenAiRequest> _requests = [];
    private int _nextId;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>The base URL a client is configured with, e.g. <c>http://127.0.0.1:49152/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The size of the vectors /v1/embeddings returns when the request names no <c>dimensions</c>.</summary>
    public int EmbeddingDimensions { get; set; } = 8;

    /// <summary>Send float arrays even when base64 is asked for, as some local servers do.</summary>
    public bool IgnoreEncodingFormat { get; set; }

    /// <summary>Every request received, in arrival order, including malformed ones.</summary>
    public IReadOnlyList<FakeOpenAiRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public IReadOnlyList<FakeOpenAiRequest> ChatRequests => [.. Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal))];

    public IReadOnlyList<FakeOpenAiRequest> EmbeddingRequests => [.. Requests.Where(r => r.Path.EndsWith("/embeddings", StringComparison.Ordinal))];

    public static async Task<FakeOpenAiServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var app = LoopbackWebApp.CreateBuilder().Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", (RequestDelegate)server.ChatAsync);
        app.MapPost("/v1/embeddings", (RequestDelegate)server.EmbeddingsAsync);
        await app.StartAsync(cancellationToken);
        server.Endpoint = new Uri(LoopbackWebApp.OriginOf(app) + "/v1");
        return server;
    }

    /// <summary>Queues the reply to the next chat request. With the queue empty a chat request gets a 500 naming the cause.</summary>
    public void EnqueueChat(params FakeOpenAiReply[] replies)
    {
        foreach (var reply in replies)
        {
            _chatReplies.Enqueue(reply);
        }
    }

    /// <summary>Queues the reply to the next embeddings request. With the queue empty embeddings succeed.</summary>
    public void EnqueueEmbeddings(params FakeOpenAiReply[] replies)
    {
        foreach (var reply in replies)
        {
            _embeddingReplies.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ChatAsync(HttpContext context)
    {
        var body = await RecordAsync(context);
        var problem = ChatProblem(body);
        if (problem is not null)
        {
            await WriteErrorAsync(context, FakeOpenAiReply.Error(400, problem));
            return;
        }

        if (!_chatReplies.TryDequeue(out var reply))
        {
            await WriteErrorAsync(context, FakeOpenAiReply.Error(500, "fake: no chat reply was scripted for this request"));
            return;
        }

        if (!await WaitAsync(reply, context))
        {
            return;
        }

        if (reply.Status is not null)
        {
            await WriteErrorAsync(context, reply);
            return;
        }

        var model = body!["model"]!.GetValue<string>();
        var id = $"chatcmpl-fake-{Interlocked.Increment(ref _nextId)}";
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (body["stream"]?.GetValue<bool>() == true)
        {
            await StreamAsync(context, reply, id, created, model, body["stream_options"]?["include_usage"]?.GetValue<bool>() == true);
            return;
        }

        var message = new JsonObject { ["role"] = "assistant", ["content"] = reply.ToolCalls is null ? reply.Content : null };
        if (reply.ToolCalls is { } calls)
        {
            message["tool_calls"] = ToolCalls(calls, id, streamed: false);
        }

        var completion = new JsonObject
        {
            ["id"] = id,
            ["object"] = "chat.completion",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["finish_reason"] = reply.ToolCalls is null ? "stop" : "tool_calls",
            }),
            ["usage"] = Usage(body, reply.Chunks.Count),
        };
        await WriteJsonAsync(context, completion);
    }

    private static async Task StreamAsync(HttpContext context, FakeOpenAiReply reply, string id, long created, string model, bool includeUsage)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        JsonObject Chunk(JsonObject delta, string? finishReason) => new()
        {
            ["id"] = id,
            ["object"] = "chat.completion.chunk",
            ["created"] = created,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        };

        await WriteEventAsync(context, Chunk(new JsonObject { ["role"] = "assistant", ["content"] = "" }, null).ToJsonString());
        for (var i = 0; i < reply.Chunks.Count; i++)
        {
            if (i == reply.StallAfterChunks)
            {
                // Hold the connection open without data; cutting it instead could lose the chunks already sent.
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await WriteEventAsync(context, Chunk(new JsonObject { ["content"] = reply.Chunks[i] }, null).ToJsonString());
        }

        if (reply.ToolCalls is { } calls)
        {
            await WriteEventAsync(context, Chunk(new JsonObject { ["tool_calls"] = ToolCalls(calls, id, streamed: true) }, null).ToJsonString());
        }

        await WriteEventAsync(context, Chunk([], reply.ToolCalls is null ? "stop" : "tool_calls").ToJsonString());
        if (includeUsage)
        {
            var usage = new JsonObject
            {
                ["id"] = id,
                ["object"] = "chat.completion.chunk",
                ["created"] = created,
                ["model"] = model,
                ["choices"] = new JsonArray(),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = reply.Chunks.Count, ["total_tokens"] = 1 + reply.Chunks.Count },
            };
            await WriteEventAsync(context, usage.ToJsonString());
        }

        await WriteEventAsync(context, "[DONE]");
    }

    // Streamed tool calls carry their position in "index"; call ids are unique per completion.
    private static JsonArray ToolCalls(IReadOnlyList<FakeToolCall> calls, string completionId, bool streamed)
    {
        var array = new JsonArray();
        for (var i = 0; i < calls.Count; i++)
        {
            var call = new JsonObject
            {
                ["id"] = $"call_{completionId}_{i}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = calls[i].Name, ["arguments"] = calls[i].Arguments },
            };
            if (streamed)
            {
                call["index"] = i;
            }

            array.Add(call);
        }

        return array;
    }

    private async Task EmbeddingsAsync(HttpContext context)
    {
        var body = await RecordAsync(context);
        var problem = EmbeddingsProblem(body);
        if (problem is not null)
        {
            await WriteErrorAsync(context, FakeOpenAiReply.Error(400, problem));
            return;
        }

        var reply = _embeddingReplies.TryDequeue(out var scripted) ? scripted : FakeOpenAiReply.Ok;
        if (!await WaitAsync(reply, context))
        {
            return;
        }

        if (reply.Status is not null)
        {
            await WriteErrorAsync(context, reply);
            return;
        }

        var inputs = body!["input"] is JsonArray array ? array.Select(i => i!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        var dimensions = body["dimensions"]?.GetValue<int>() ?? EmbeddingDimensions;
        var base64 = !IgnoreEncodingFormat && body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = Vector(inputs[i], dimensions);
            JsonNode embedding = base64
                ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()))
                : new JsonArray([.. vector.Select(x => (JsonNode)x)]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        await WriteJsonAsync(context, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body["model"]!.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        });
    }

    /// <summary>The vector the server returns for <paramref name="input"/>: deterministic, so tests can compare.</summary>
    public static float[] Vector(string input, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(input);
        var vector = new float[dimensions];
        var seed = 17;
        foreach (var c in input)
        {
            seed = unchecked((seed * 31) + c);
        }

        for (var i = 0; i < dimensions; i++)
        {
            vector[i] = ((seed >> (i % 24)) & 0xFF) / 255f;
        }

        return vector;
    }

    private async Task<JsonObject?> RecordAsync(HttpContext context)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        lock (_requests)
        {
            _requests.Add(new FakeOpenAiRequest(context.Request.Path.Value ?? "", headers, body));
        }

        return body;
    }

    private static string? ChatProblem(JsonObject? body)
    {
        if (body is null)
        {
            return "the body is not a JSON object";
        }

        if (!IsNonEmptyString(body["model"]))
        {
            return "'model' is required";
        }

        if (body["messages"] is not JsonArray { Count: > 0 } messages)
        {
            return "'messages' must be a non-empty array";
        }

        var calledIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message is not JsonObject m || !IsNonEmptyString(m["role"]) || !Roles.Contains(m["role"]!.GetValue<string>()))
            {
                return "each message needs a 'role' of system, developer, user, assistant or tool";
            }

            var role = m["role"]!.GetValue<string>();
            if (role == "assistant" && m["tool_calls"] is JsonArray calls)
            {
                // An assistant message that calls tools may carry no content.
                foreach (var call in calls)
                {
                    if (call?["id"] is not JsonValue id || call["function"]?["name"] is not JsonValue)
                    {
                        return "each tool call needs an 'id' and a 'function' with a 'name'";
                    }

                    calledIds.Add(id.GetValue<string>());
                }

                continue;
            }

            if (m["content"] is not (JsonValue or JsonArray))
            {
                return "each message needs 'content'";
            }

            if (role == "tool" && (m["tool_call_id"] is not JsonValue callId || !calledIds.Contains(callId.GetValue<string>())))
            {
                return "a 'tool' message must answer an earlier tool call by its 'tool_call_id'";
            }
        }

        return null;
    }

    private static string? EmbeddingsProblem(JsonObject? body) =>
        body is null ? "the body is not a JSON object"
        : !IsNonEmptyString(body["model"]) ? "'model' is required"
        : body["input"] switch
        {
            JsonArray { Count: > 0 } inputs when inputs.All(IsNonEmptyString) => null,
            JsonValue single when IsNonEmptyString(single) => null,
            _ => "'input' must be a non-empty string or array of non-empty strings",
        };

    private static bool IsNonEmptyString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0;

    private static JsonObject Usage(JsonObject body, int completionTokens)
    {
        var prompt = body["messages"]!.AsArray().Count;
        return new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completionTokens, ["total_tokens"] = prompt + completionTokens };
    }

    // False when the client gave up during the delay (the point of a delay is to make it time out).
    private static async Task<bool> WaitAsync(FakeOpenAiReply reply, HttpContext context)
    {
        if (reply.Delay <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(reply.Delay, context.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task WriteErrorAsync(HttpContext context, FakeOpenAiReply reply)
    {
        context.Response.StatusCode = reply.Status ?? 500;
        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body ?? "", context.RequestAborted);
    }

    private static async Task WriteJsonAsync(HttpContext context, JsonObject json)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
    }

    private static async Task WriteEventAsync(HttpContext context, string data)
    {
        await context.Response.WriteAsync($"data: {data}\n\n", Encoding.UTF8, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
