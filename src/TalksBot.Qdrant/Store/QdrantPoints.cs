using System.Text.Json.Serialization;

namespace TalksBot.Qdrant.Store;

// The points, filters and aliases of our index, independent of Qdrant's gRPC types (QdrantIndexClient maps them).

/// <summary>
/// What every point in our collections carries; <see cref="SchemaVersion"/> changes when the fields do. Stored as Qdrant
/// payload with snake_case keys (<see cref="PayloadJsonContext"/>), the same document whichever protocol wrote it.
/// </summary>
public sealed record PassagePayload(
    string ArticleId,
    string ArticleTitle,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ArticleUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ArticlePublished,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ArticleAuthor,
    string ArticleHash,
    int PassageOrdinal,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Heading,
    string Text,
    int Start,
    int End,
    int SchemaVersion,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SentenceVectors = null,
    int SentenceVectorDimensions = 0)
{
    // 2: sentence vectors stored with each passage for the sentence ranker.
    public const int CurrentSchemaVersion = 2;
}

/// <summary>A text Qdrant turns into a BM25 sparse vector itself.</summary>
public sealed record Bm25Document(string Text, string Model = VectorNames.Bm25Model);

public sealed record PointVectors(ReadOnlyMemory<float> Dense, Bm25Document Bm25);

/// <summary>A point to upsert: the id is the passage's name-based UUID, so re-ingest replaces rather than duplicates.</summary>
public sealed record PassagePoint(Guid Id, PointVectors Vector, PassagePayload Payload);

public sealed record ScoredPoint(Guid Id, double Score, PassagePayload? Payload);

public sealed record StoredPoint(Guid Id, PassagePayload? Payload);

public sealed record ScrollPage(IReadOnlyList<StoredPoint> Points, Guid? NextOffset);

/// <summary>A BM25 sparse vector as Qdrant stored it: term indices and their document-side weights.</summary>
public sealed record StoredSparseVector(IReadOnlyList<uint> Indices, IReadOnlyList<float> Values);

/// <summary>
/// A point as Qdrant stores it, for a verbatim copy: the dense floats, the BM25 sparse vector's indices/values and the
/// payload go back exactly as Qdrant returned them.
/// </summary>
public sealed record RawPoint(Guid Id, IReadOnlyList<float> Dense, StoredSparseVector Bm25, IReadOnlyDictionary<string, global::Qdrant.Client.Grpc.Value> Payload);

public sealed record RawPointPage(IReadOnlyList<RawPoint> Points, Guid? NextOffset);

/// <summary>A keyword equal to <see cref="Value"/>, or to any of <see cref="Any"/>.</summary>
public sealed record KeywordMatch(string? Value = null, IReadOnlyList<string>? Any = null);

public sealed record FieldCondition(string Key, KeywordMatch Match);

public sealed record QdrantFilter(IReadOnlyList<FieldCondition>? Must = null, IReadOnlyList<FieldCondition>? MustNot = null)
{
    public static QdrantFilter KeywordIs(string key, string value) => new(Must: [new FieldCondition(key, new KeywordMatch(value))]);

    public static QdrantFilter KeywordIsAny(string key, IReadOnlyList<string> values) => new(Must: [new FieldCondition(key, new KeywordMatch(Any: values))]);
}

public sealed record AliasDescription(string AliasName, string CollectionName);

public sealed record CreateAliasOperation(string CollectionName, string AliasName);

public sealed record DeleteAliasOperation(string AliasName);

/// <summary>One alias change; several in one <see cref="QdrantIndexClient.UpdateAliasesAsync"/> call apply atomically.</summary>
public sealed record AliasAction(CreateAliasOperation? CreateAlias = null, DeleteAliasOperation? DeleteAlias = null)
{
    public static AliasAction Create(string alias, string collection) => new(CreateAlias: new CreateAliasOperation(collection, alias));

    public static AliasAction Delete(string alias) => new(DeleteAlias: new DeleteAliasOperation(alias));
}

/// <summary>A collection's state, approximate point count and the free-form metadata it was given.</summary>
public sealed record CollectionDescription(string Name, string Status, long PointsCount, IReadOnlyDictionary<string, System.Text.Json.JsonElement> Metadata);

/// <summary>The hybrid query: BM25 and dense prefetches fused by reciprocal rank.</summary>
/// <param name="PrefetchLimit">Candidates each prefetch contributes to the fusion.</param>
public sealed record HybridQuery(string Text, ReadOnlyMemory<float> Dense, int Limit, int PrefetchLimit, QdrantFilter? Filter = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PassagePayload))]
internal sealed partial class PayloadJsonContext : JsonSerializerContext;

/// <summary>One replica of a shard: which node (peer) holds it and Qdrant's state for it (Active, Dead, Partial, ...).</summary>
public sealed record ShardReplica(uint ShardId, ulong PeerId, string State, bool IsActive);
