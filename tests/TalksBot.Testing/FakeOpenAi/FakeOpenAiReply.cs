namespace TalksBot.Testing.FakeOpenAi;

/// <summary>
/// One scripted reply of <see cref="FakeOpenAiServer"/>: a success (text for chat, vectors for embeddings) or an
/// error status, optionally after a delay (to make the client time out).
/// </summary>
/// <param name="Chunks">The reply text in the pieces a streamed reply sends; a non-streamed reply joins them.</param>
/// <param name="Status">An HTTP error status to send instead of a success.</param>
/// <param name="Body">The error body (OpenAI sends <c>{"error":{"message":...}}</c>).</param>
/// <param name="RetryAfter">Sent as the Retry-After header, in whole seconds.</param>
/// <param name="Delay">Waited before replying; the wait ends early when the client gives up.</param>
/// <param name="StallAfterChunks">Streamed, nothing more is sent after this many chunks until the client gives up (a server hanging mid-reply).</param>
/// <param name="ToolCalls">Tools the model calls instead of answering (<c>finish_reason</c> "tool_calls").</param>
public sealed record FakeOpenAiReply(
    IReadOnlyList<string> Chunks,
    int? Status = null,
    string? Body = null,
    TimeSpan? RetryAfter = null,
    TimeSpan Delay = default,
    int? StallAfterChunks = null,
    IReadOnlyList<FakeToolCall>? ToolCalls = null)
{
    /// <summary>A successful embeddings reply (vectors derived from the inputs), or an empty chat reply.</summary>
    public static FakeOpenAiReply Ok { get; } = new(Array.Empty<string>());

    /// <summary>The joined text.</summary>
    public string Content => string.Concat(Chunks);

    /// <summary>A chat reply; streamed, it is sent word by word.</summary>
    public static FakeOpenAiReply Text(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var words = content.Split(' ');
        return new FakeOpenAiReply([.. words.Select((word, i) => i < words.Length - 1 ? word + " " : word)]);
    }

    /// <summary>A chat reply streamed in exactly these pieces.</summary>
    public static FakeOpenAiReply InChunks(params string[] chunks) => new(chunks);

    /// <summary>A reply that calls one tool, e.g. <c>CallTool("articles_search", """{"query":"embassies"}""")</c>.</summary>
    public static FakeOpenAiReply CallTool(string name, string arguments) => new(Array.Empty<string>(), ToolCalls: [new FakeToolCall(name, arguments)]);

    /// <summary>An error reply with an OpenAI-shaped body.</summary>
    public static FakeOpenAiReply Error(int status, string message, TimeSpan? retryAfter = null) =>
        new(Array.Empty<string>(), status, $$$"""{"error":{"message":{{{System.Text.Json.JsonSerializer.Serialize(message, FakeOpenAiJsonContext.Default.String)}}},"type":"fake_error","code":null}}""", retryAfter);

    /// <summary>This reply streamed, hanging after <paramref name="chunks"/> chunks until the client gives up.</summary>
    public FakeOpenAiReply StalledAfter(int chunks) => this with { StallAfterChunks = chunks };

    /// <summary>This reply, sent only after <paramref name="delay"/>.</summary>
    public FakeOpenAiReply After(TimeSpan delay) => this with { Delay = delay };
}
