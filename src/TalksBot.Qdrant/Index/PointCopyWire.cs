using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalksBot.Qdrant.Index;

// The few Qdrant REST shapes a verbatim point copy needs (docs/redoc/v1.16.x/openapi.json): vectors and payload stay JSON,
// so the dense vector and the stored BM25 sparse vector (indices/values) go back exactly as Qdrant returned them.

internal sealed record CopiedPoint(Guid Id, JsonElement Vector, JsonElement Payload);

internal sealed record MatchAny(IReadOnlyList<string> Any);

internal sealed record AnyCondition(string Key, MatchAny Match);

internal sealed record AnyFilter(IReadOnlyList<AnyCondition> Must);

internal sealed record CopyScrollRequest(AnyFilter Filter, int Limit, Guid? Offset, bool WithPayload, bool WithVector);

internal sealed record CopyScrollPage(IReadOnlyList<CopiedPoint> Points, Guid? NextPageOffset);

internal sealed record CopyUpsertRequest(IReadOnlyList<CopiedPoint> Points);

internal sealed record CopyResponse<T>(T? Result);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CopyScrollRequest))]
[JsonSerializable(typeof(CopyUpsertRequest))]
[JsonSerializable(typeof(CopyResponse<CopyScrollPage>))]
[JsonSerializable(typeof(CopyResponse<JsonElement>))]
internal sealed partial class PointCopyJsonContext : JsonSerializerContext;
