using System.Text.Json.Serialization;

namespace TalksBot.Qdrant.Local;

/// <summary>Written into the storage folder so another TalksBot process can find and reuse a running server.</summary>
internal sealed record ManagedServerState(int Pid, int HttpPort, int GrpcPort);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ManagedServerState))]
internal sealed partial class ManagedServerStateJsonContext : JsonSerializerContext;
