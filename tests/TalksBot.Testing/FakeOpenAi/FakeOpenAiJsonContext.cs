using System.Text.Json.Serialization;

namespace TalksBot.Testing.FakeOpenAi;

[JsonSerializable(typeof(string))]
internal sealed partial class FakeOpenAiJsonContext : JsonSerializerContext;
