using System.Text.Json.Serialization;

namespace TalksBot.Qdrant.Index;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IndexManifest))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;
