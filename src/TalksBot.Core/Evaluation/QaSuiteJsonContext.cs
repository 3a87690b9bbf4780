using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalksBot.Core.Evaluation;

/// <summary>One suite line as written. Every member is nullable so the reader, not the serializer, decides what is missing.</summary>
internal sealed class QaSuiteLine
{
    public string? Id { get; set; }

    public string? Question { get; set; }

    public List<string?>? Answers { get; set; }

    public List<string?>? Sources { get; set; }

    public bool? Answerable { get; set; }

    public List<string?>? Forbidden { get; set; }

    // Collects misspelt fields ("answer", "source") so they are reported instead of silently ignored.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(QaSuiteLine))]
internal sealed partial class QaSuiteJsonContext : JsonSerializerContext;
