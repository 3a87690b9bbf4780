using System.Text.Json.Serialization;

namespace TalksBot.Indexing;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RefreshStatus))]
internal sealed partial class RefreshJsonContext : JsonSerializerContext;
