using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalksBot.Qdrant.Rest;

// Qdrant's REST wire format (docs/redoc/v1.16.x/openapi.json), limited to what we use.

/// <summary>What every point in our collections carries; <see cref="SchemaVersion"/> changes when the fields do.</summary>
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

/// <summary>
/// A point as Qdrant stores it. Vectors and payload stay JSON, so the dense floats and the BM25 sparse vector's
/// indices/values go back exactly as Qdrant returned them.
/// </summary>
public sealed record RawPoint(Guid Id, JsonElement Vector, JsonElement Payload);

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

/// <summary>One alias change; several in one <see cref="QdrantRestClient.UpdateAliasesAsync"/> call apply atomically.</summary>
public sealed record AliasAction(CreateAliasOperation? CreateAlias = null, DeleteAliasOperation? DeleteAlias = null)
{
    public static AliasAction Create(string alias, string collection) => new(CreateAlias: new CreateAliasOperation(collection, alias));

    public static AliasAction Delete(string alias) => new(DeleteAlias: new DeleteAliasOperation(alias));
}

/// <summary>A collection's state, approximate point count and the free-form metadata it was given.</summary>
public sealed record CollectionDescription(string Name, string Status, long PointsCount, IReadOnlyDictionary<string, JsonElement> Metadata);

/// <summary>The hybrid query: BM25 and dense prefetches fused by reciprocal rank.</summary>
/// <param name="PrefetchLimit">Candidates each prefetch contributes to the fusion.</param>
public sealed record HybridQuery(string Text, ReadOnlyMemory<float> Dense, int Limit, int PrefetchLimit, QdrantFilter? Filter = null);

internal sealed record QdrantResponse<T>(T? Result);

internal sealed record DenseVectorParams(int Size, string Distance);

internal sealed record SparseVectorParams(string Modifier);

internal sealed record CreateCollectionRequest(
    IReadOnlyDictionary<string, DenseVectorParams> Vectors,
    IReadOnlyDictionary<string, SparseVectorParams> SparseVectors,
    IReadOnlyDictionary<string, JsonElement>? Metadata);

internal sealed record UpdateCollectionRequest(IReadOnlyDictionary<string, JsonElement> Metadata);

internal sealed record CollectionConfigWire(IReadOnlyDictionary<string, JsonElement>? Metadata);

internal sealed record CollectionInfoWire(string Status, long? PointsCount, CollectionConfigWire? Config);

internal sealed record CollectionNameWire(string Name);

internal sealed record CollectionsListWire(IReadOnlyList<CollectionNameWire> Collections);

internal sealed record ExistsWire(bool Exists);

internal sealed record PayloadIndexRequest(string FieldName, string FieldSchema);

internal sealed record UpdateResultWire(long? OperationId, string Status);

internal sealed record UpsertRequest<TPoint>(IReadOnlyList<TPoint> Points);

internal sealed record CountRequest(bool Exact, QdrantFilter? Filter);

internal sealed record CountWire(long Count);

internal sealed record FacetRequest(string Key, int Limit, bool Exact, QdrantFilter? Filter);

internal sealed record FacetHitWire(JsonElement Value, long Count);

internal sealed record FacetWire(IReadOnlyList<FacetHitWire> Hits);

internal sealed record PrefetchWire(QueryInput Query, string Using, int Limit);

internal sealed record QueryRequest(IReadOnlyList<PrefetchWire>? Prefetch, QueryInput Query, string? Using, int Limit, bool WithPayload, QdrantFilter? Filter);

internal sealed record QueryWire(IReadOnlyList<ScoredPoint> Points);

internal sealed record DeletePointsRequest(QdrantFilter Filter);

internal sealed record ScrollRequest(QdrantFilter? Filter, int Limit, Guid? Offset, bool WithPayload, bool WithVector);

internal sealed record ScrollWire<TPoint>(IReadOnlyList<TPoint> Points, Guid? NextPageOffset);

internal sealed record AliasesWire(IReadOnlyList<AliasDescription> Aliases);

internal sealed record AliasOperationsRequest(IReadOnlyList<AliasAction> Actions);

/// <summary>The <c>query</c> of a Query API request: a dense vector, a BM25 document or a fusion.</summary>
[JsonConverter(typeof(QueryInputConverter))]
internal sealed class QueryInput
{
    private QueryInput(ReadOnlyMemory<float> dense, Bm25Document? document, bool rrf) => (DenseVector, Document, IsRrf) = (dense, document, rrf);

    public ReadOnlyMemory<float> DenseVector { get; }

    public Bm25Document? Document { get; }

    public bool IsRrf { get; }

    public static QueryInput Dense(ReadOnlyMemory<float> vector) => new(vector, null, rrf: false);

    public static QueryInput Text(Bm25Document document) => new(default, document, rrf: false);

    public static QueryInput Rrf() => new(default, null, rrf: true);
}

internal sealed class QueryInputConverter : JsonConverter<QueryInput>
{
    public override QueryInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Query inputs are only ever sent.");

    public override void Write(Utf8JsonWriter writer, QueryInput value, JsonSerializerOptions options)
    {
        if (value.IsRrf)
        {
            writer.WriteStartObject();
            writer.WriteString("fusion", "rrf");
            writer.WriteEndObject();
        }
        else if (value.Document is { } document)
        {
            writer.WriteStartObject();
            writer.WriteString("text", document.Text);
            writer.WriteString("model", document.Model);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteStartArray();
            foreach (var x in value.DenseVector.Span)
            {
                writer.WriteNumberValue(x);
            }

            writer.WriteEndArray();
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateCollectionRequest))]
[JsonSerializable(typeof(UpdateCollectionRequest))]
[JsonSerializable(typeof(PayloadIndexRequest))]
[JsonSerializable(typeof(UpsertRequest<PassagePoint>))]
[JsonSerializable(typeof(UpsertRequest<RawPoint>))]
[JsonSerializable(typeof(CountRequest))]
[JsonSerializable(typeof(FacetRequest))]
[JsonSerializable(typeof(QueryRequest))]
[JsonSerializable(typeof(DeletePointsRequest))]
[JsonSerializable(typeof(ScrollRequest))]
[JsonSerializable(typeof(AliasOperationsRequest))]
[JsonSerializable(typeof(QdrantResponse<bool>))]
[JsonSerializable(typeof(QdrantResponse<CollectionInfoWire>))]
[JsonSerializable(typeof(QdrantResponse<CollectionsListWire>))]
[JsonSerializable(typeof(QdrantResponse<ExistsWire>))]
[JsonSerializable(typeof(QdrantResponse<UpdateResultWire>))]
[JsonSerializable(typeof(QdrantResponse<CountWire>))]
[JsonSerializable(typeof(QdrantResponse<FacetWire>))]
[JsonSerializable(typeof(QdrantResponse<QueryWire>))]
[JsonSerializable(typeof(QdrantResponse<ScrollWire<StoredPoint>>))]
[JsonSerializable(typeof(QdrantResponse<ScrollWire<RawPoint>>))]
[JsonSerializable(typeof(QdrantResponse<AliasesWire>))]
internal sealed partial class QdrantJsonContext : JsonSerializerContext;
