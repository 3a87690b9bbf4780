using System.Text.Json.Nodes;

namespace TalksBot.Testing.FakeOpenAi;

/// <summary>A request <see cref="FakeOpenAiServer"/> received, as sent: path, headers and parsed JSON body.</summary>
/// <param name="Headers">Every header, first value, names case-insensitive.</param>
/// <param name="Body">The parsed body; null when it was not JSON.</param>
public sealed record FakeOpenAiRequest(string Path, IReadOnlyDictionary<string, string> Headers, JsonObject? Body)
{
    public string? Authorization => Headers.TryGetValue("Authorization", out var value) ? value : null;

    public string? Model => Body?["model"]?.GetValue<string>();

    public bool IsStreaming => Body?["stream"]?.GetValue<bool>() ?? false;

    /// <summary>The chat messages in order; text content only.</summary>
    public IReadOnlyList<FakeOpenAiMessage> Messages =>
        Body?["messages"] is JsonArray messages
            ? [.. messages.OfType<JsonObject>().Select(m => new FakeOpenAiMessage(
                m["role"]?.GetValue<string>() ?? "",
                Text(m["content"]),
                m["tool_call_id"]?.GetValue<string>(),
                m["tool_calls"] is JsonArray calls ? [.. calls.Select(c => c?["function"]?["name"]?.GetValue<string>() ?? "")] : null))]
            : [];

    /// <summary>What the client sent back for the model's tool calls (<c>tool</c> messages), in order.</summary>
    public IReadOnlyList<FakeOpenAiMessage> ToolResults => [.. Messages.Where(m => m.Role == "tool")];

    /// <summary>The names of the functions offered in <c>tools</c>.</summary>
    public IReadOnlyList<string> ToolNames =>
        Body?["tools"] is JsonArray tools ? [.. tools.Select(t => t?["function"]?["name"]?.GetValue<string>() ?? "")] : [];

    /// <summary>The embedding inputs in order.</summary>
    public IReadOnlyList<string> Inputs => Body?["input"] switch
    {
        JsonArray inputs => [.. inputs.Select(i => i?.GetValue<string>() ?? "")],
        JsonValue single => [single.GetValue<string>()],
        _ => [],
    };

    // Content is a string, or an array of parts of which only the text ones matter here.
    private static string Text(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}
