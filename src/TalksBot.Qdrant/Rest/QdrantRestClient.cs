// Hand-written because Qdrant.Client (the official gRPC/REST client) is not in our package registry; it covers only what TalksBot uses.
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace TalksBot.Qdrant.Rest;

/// <summary>A typed client for Qdrant 1.16's REST API. Only idempotent operations are retried, and only on transient failures.</summary>
public sealed partial class QdrantRestClient
{
    /// <summary>Qdrant recommends 64–256 points per upsert request; 128 keeps requests far below its 32 MB limit even at 1536 dimensions.</summary>
    public const int MaxPointsPerUpsert = 128;

    private const int MaxErrorChars = 1000;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly QdrantJsonContext Json = QdrantJsonContext.Default;

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;

    public QdrantRestClient(HttpClient http, ILogger<QdrantRestClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<QdrantException>(e => e.IsTransient),
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(100),
                UseJitter = true,
                OnRetry = args =>
                {
                    LogRetry(args.Outcome.Exception?.Message ?? "unknown", args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public Uri? BaseAddress => _http.BaseAddress;

    /// <summary>True when <c>/readyz</c> says all shards are ready; false when Qdrant answers otherwise or cannot be reached.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Creates a collection with the dense vector <c>dense</c> (cosine) and the server-side BM25 sparse vector <c>bm25</c> (IDF).</summary>
    public Task CreateCollectionAsync(string name, int denseSize, IReadOnlyDictionary<string, JsonElement>? metadata, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(denseSize, 1);
        var request = new CreateCollectionRequest(
            new Dictionary<string, DenseVectorParams> { [VectorNames.Dense] = new(denseSize, "Cosine") },
            new Dictionary<string, SparseVectorParams> { [VectorNames.Bm25] = new("idf") },
            metadata);
        // Not idempotent: a retry after a create that did land would fail with "already exists".
        return SendAsync(HttpMethod.Put, Collection(name), request, Json.CreateCollectionRequest, Json.QdrantResponseBoolean,
            $"create collection {name}", idempotent: false, cancellationToken);
    }

    public async Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, Collection(name) + "/exists", Json.QdrantResponseExistsWire,
            $"check collection {name}", cancellationToken)).Exists;

    public async Task<CollectionDescription> GetCollectionAsync(string name, CancellationToken cancellationToken)
    {
        var info = await SendAsync(HttpMethod.Get, Collection(name), Json.QdrantResponseCollectionInfoWire, $"get collection {name}", cancellationToken);
        return new CollectionDescription(name, info.Status, info.PointsCount ?? 0,
            info.Config?.Metadata ?? new Dictionary<string, JsonElement>());
    }

    /// <summary>Merges <paramref name="metadata"/> into the collection's metadata (keys not named are kept).</summary>
    public Task UpdateCollectionMetadataAsync(string name, IReadOnlyDictionary<string, JsonElement> metadata, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, Collection(name), new UpdateCollectionRequest(metadata), Json.UpdateCollectionRequest,
            Json.QdrantResponseBoolean, $"update metadata of {name}", idempotent: true, cancellationToken);

    /// <summary>Deletes a collection (and its aliases); false when there was none.</summary>
    public Task<bool> DeleteCollectionAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, Collection(name), Json.QdrantResponseBoolean, $"delete collection {name}", cancellationToken);

    public async Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken) =>
        [.. (await SendAsync(HttpMethod.Get, "collections", Json.QdrantResponseCollectionsListWire, "list collections", cancellationToken))
            .Collections.Select(c => c.Name)];

    /// <summary>
    /// Indexes a payload field (<paramref name="fieldSchema"/>: keyword, integer, datetime, ...). Without <paramref name="wait"/>
    /// it returns once queued; Qdrant applies a collection's updates in order, so a later upsert with wait sees the index built.
    /// </summary>
    public Task CreatePayloadIndexAsync(string collection, string field, string fieldSchema, bool wait, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, Collection(collection) + (wait ? "/index?wait=true" : "/index"), new PayloadIndexRequest(field, fieldSchema),
            Json.PayloadIndexRequest, Json.QdrantResponseUpdateResultWire, $"index {field} in {collection}", idempotent: true, cancellationToken);

    /// <summary>Upserts in requests of at most <see cref="MaxPointsPerUpsert"/> points, each applied and searchable before it returns.</summary>
    public Task UpsertAsync(string collection, IReadOnlyList<PassagePoint> points, CancellationToken cancellationToken) =>
        UpsertBatchesAsync(collection, points, Json.UpsertRequestPassagePoint, cancellationToken);

    /// <summary>Upserts points read by <see cref="ScrollWithVectorsAsync"/> unchanged, batched like <see cref="UpsertAsync"/>.</summary>
    public Task UpsertRawAsync(string collection, IReadOnlyList<RawPoint> points, CancellationToken cancellationToken) =>
        UpsertBatchesAsync(collection, points, Json.UpsertRequestRawPoint, cancellationToken);

    private async Task UpsertBatchesAsync<TPoint>(string collection, IReadOnlyList<TPoint> points, JsonTypeInfo<UpsertRequest<TPoint>> requestType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        for (var offset = 0; offset < points.Count; offset += MaxPointsPerUpsert)
        {
            var batch = points.Skip(offset).Take(MaxPointsPerUpsert).ToArray();
            // Idempotent: an id always stands for the same point (name-based, or copied with its id), so a repeated upsert writes it again.
            await SendAsync(HttpMethod.Put, Collection(collection) + "/points?wait=true", new UpsertRequest<TPoint>(batch), requestType,
                Json.QdrantResponseUpdateResultWire, $"upsert {batch.Length} points into {collection}", idempotent: true, cancellationToken);
        }
    }

    /// <summary>The exact number of points, optionally only those matching <paramref name="filter"/>.</summary>
    public async Task<long> CountAsync(string collection, QdrantFilter? filter, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Post, Collection(collection) + "/points/count", new CountRequest(Exact: true, filter), Json.CountRequest,
            Json.QdrantResponseCountWire, $"count points in {collection}", idempotent: true, cancellationToken)).Count;

    /// <summary>Exact point counts per value of an indexed keyword field.</summary>
    public async Task<IReadOnlyDictionary<string, long>> FacetAsync(string collection, string key, int limit, CancellationToken cancellationToken)
    {
        var facet = await SendAsync(HttpMethod.Post, Collection(collection) + "/facet", new FacetRequest(key, limit, Exact: true, Filter: null),
            Json.FacetRequest, Json.QdrantResponseFacetWire, $"facet {key} in {collection}", idempotent: true, cancellationToken);
        return facet.Hits.ToDictionary(h => h.Value.ValueKind == JsonValueKind.String ? h.Value.GetString()! : h.Value.GetRawText(), h => h.Count, StringComparer.Ordinal);
    }

    /// <summary>
    /// BM25 and dense prefetches fused by reciprocal rank at the root (fusion inside a prefetch would run per shard).
    /// Ties in the fused score are common, so results are ordered by score, then id, for a stable order.
    /// </summary>
    public async Task<IReadOnlyList<ScoredPoint>> QueryHybridAsync(string collection, HybridQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var request = new QueryRequest(
            [
                new PrefetchWire(QueryInput.Text(new Bm25Document(query.Text)), VectorNames.Bm25, query.PrefetchLimit),
                new PrefetchWire(QueryInput.Dense(query.Dense), VectorNames.Dense, query.PrefetchLimit),
            ],
            QueryInput.Rrf(), Using: null, query.Limit, WithPayload: true, query.Filter);
        var result = await SendAsync(HttpMethod.Post, Collection(collection) + "/points/query", request, Json.QueryRequest,
            Json.QdrantResponseQueryWire, $"query {collection}", idempotent: true, cancellationToken);
        var points = result.Points.ToArray();
        Array.Sort(points, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
        return points;
    }

    /// <summary>Qdrant's BM25 alone over the <c>bm25</c> sparse vector, best first; ties ordered by id for a stable order.</summary>
    public async Task<IReadOnlyList<ScoredPoint>> QueryBm25Async(string collection, string text, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var request = new QueryRequest(null, QueryInput.Text(new Bm25Document(text)), VectorNames.Bm25, limit, WithPayload: true, Filter: null);
        var result = await SendAsync(HttpMethod.Post, Collection(collection) + "/points/query", request, Json.QueryRequest,
            Json.QdrantResponseQueryWire, $"BM25 query {collection}", idempotent: true, cancellationToken);
        var points = result.Points.ToArray();
        Array.Sort(points, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
        return points;
    }

    public Task DeletePointsAsync(string collection, QdrantFilter filter, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Collection(collection) + "/points/delete?wait=true", new DeletePointsRequest(filter), Json.DeletePointsRequest,
            Json.QdrantResponseUpdateResultWire, $"delete points from {collection}", idempotent: true, cancellationToken);

    /// <summary>One page of points with their payloads, in id order; pass <see cref="ScrollPage.NextOffset"/> for the next page.</summary>
    public async Task<ScrollPage> ScrollAsync(string collection, QdrantFilter? filter, int limit, Guid? offset, CancellationToken cancellationToken)
    {
        var page = await SendAsync(HttpMethod.Post, Collection(collection) + "/points/scroll",
            new ScrollRequest(filter, limit, offset, WithPayload: true, WithVector: false), Json.ScrollRequest,
            Json.QdrantResponseScrollWireStoredPoint, $"scroll {collection}", idempotent: true, cancellationToken);
        return new ScrollPage(page.Points, page.NextPageOffset);
    }

    /// <summary>Like <see cref="ScrollAsync"/>, with every point's vectors, all kept as Qdrant's JSON for a verbatim copy.</summary>
    public async Task<RawPointPage> ScrollWithVectorsAsync(string collection, QdrantFilter? filter, int limit, Guid? offset, CancellationToken cancellationToken)
    {
        var page = await SendAsync(HttpMethod.Post, Collection(collection) + "/points/scroll",
            new ScrollRequest(filter, limit, offset, WithPayload: true, WithVector: true), Json.ScrollRequest,
            Json.QdrantResponseScrollWireRawPoint, $"scroll {collection} with vectors", idempotent: true, cancellationToken);
        return new RawPointPage(page.Points, page.NextPageOffset);
    }

    public async Task<IReadOnlyList<AliasDescription>> ListAliasesAsync(CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, "aliases", Json.QdrantResponseAliasesWire, "list aliases", cancellationToken)).Aliases;

    public async Task<IReadOnlyList<AliasDescription>> ListCollectionAliasesAsync(string collection, CancellationToken cancellationToken) =>
        (await SendAsync(HttpMethod.Get, Collection(collection) + "/aliases", Json.QdrantResponseAliasesWire,
            $"list aliases of {collection}", cancellationToken)).Aliases;

    /// <summary>The collection an alias points at, or null when there is no such alias.</summary>
    public async Task<string?> ResolveAliasAsync(string alias, CancellationToken cancellationToken) =>
        (await ListAliasesAsync(cancellationToken)).FirstOrDefault(a => a.AliasName == alias)?.CollectionName;

    /// <summary>Applies all <paramref name="actions"/> atomically: readers see either none or all of them.</summary>
    public Task UpdateAliasesAsync(IReadOnlyList<AliasAction> actions, CancellationToken cancellationToken) =>
        // Idempotent for our use: deleting a missing alias succeeds, and re-creating one points it at the same collection.
        SendAsync(HttpMethod.Post, "collections/aliases", new AliasOperationsRequest(actions), Json.AliasOperationsRequest,
            Json.QdrantResponseBoolean, "update aliases", idempotent: true, cancellationToken);

    private static string Collection(string name) => "collections/" + Uri.EscapeDataString(name);

    private Task<TResult> SendAsync<TResult>(HttpMethod method, string path, JsonTypeInfo<QdrantResponse<TResult>> responseType,
        string operation, CancellationToken cancellationToken) =>
        SendAsync<object, TResult>(method, path, null, null, responseType, operation, idempotent: true, cancellationToken);

    private async Task<TResult> SendAsync<TRequest, TResult>(HttpMethod method, string path, TRequest? body, JsonTypeInfo<TRequest>? requestType,
        JsonTypeInfo<QdrantResponse<TResult>> responseType, string operation, bool idempotent, CancellationToken cancellationToken)
    {
        var content = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, requestType!);
        var pipeline = idempotent ? _retry : ResiliencePipeline.Empty;
        return await pipeline.ExecuteAsync(
            async token => await SendOnceAsync(method, path, content, responseType, operation, token), cancellationToken);
    }

    private async Task<TResult> SendOnceAsync<TResult>(HttpMethod method, string path, byte[]? content,
        JsonTypeInfo<QdrantResponse<TResult>> responseType, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (content is not null)
        {
            request.Content = new ByteArrayContent(content) { Headers = { ContentType = JsonMediaType } };
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new QdrantException(operation, null, $"cannot reach Qdrant at {_http.BaseAddress}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QdrantException(operation, HttpStatusCode.RequestTimeout,
                $"no answer within {_http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (Qdrant:RequestTimeout)", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new QdrantException(operation, response.StatusCode, await ReadErrorAsync(response, cancellationToken));
            }

            QdrantResponse<TResult>? envelope;
            try
            {
                envelope = await JsonSerializer.DeserializeAsync(await response.Content.ReadAsStreamAsync(cancellationToken), responseType, cancellationToken);
            }
            catch (JsonException e)
            {
                throw new QdrantException(operation, response.StatusCode, $"unexpected response: {e.Message}", e);
            }

            return envelope is { Result: { } result }
                ? result
                : throw new QdrantException(operation, response.StatusCode, "the response carried no result");
        }
    }

    // Qdrant's errors are {"status": {"error": "..."}}, except 401, which is plain text.
    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString()!;
            }
        }
        catch (JsonException)
        {
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            return response.ReasonPhrase ?? "no error text";
        }

        return text.Length <= MaxErrorChars ? text : text[..MaxErrorChars] + "…";
    }

    [LoggerMessage(3010, LogLevel.Warning, "Qdrant request failed transiently ({Error}); retry {Attempt} in {Delay}")]
    private partial void LogRetry(string error, int attempt, TimeSpan delay);
}
