using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Qdrant.Client.Grpc;
using Q = Qdrant.Client.Grpc;

namespace TalksBot.Qdrant.Store;

/// <summary>
/// The index's operations over the official Qdrant.Client (gRPC): maps our points and filters to Qdrant's messages, its
/// failures to <see cref="QdrantException"/>, and retries only idempotent operations, and only on transient failures.
/// </summary>
public sealed partial class QdrantIndexClient
{
    /// <summary>Qdrant recommends 64–256 points per upsert request; 128 keeps requests far below its message limit even at 1536 dimensions.</summary>
    public const int MaxPointsPerUpsert = 128;

    private readonly QdrantConnection _connection;
    private readonly global::Qdrant.Client.QdrantClient _client;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;

    private static readonly TimeSpan ShardPollInterval = TimeSpan.FromMilliseconds(100);

    // Qdrant 1.16's own default wait on a create; WaitUntilWritableAsync checks afterwards what the create did not.
    private static readonly TimeSpan CreateTimeout = TimeSpan.FromSeconds(10);

    public QdrantIndexClient(QdrantConnection connection, ILogger<QdrantIndexClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _client = connection.Client;
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

    /// <summary>Where the gRPC calls go.</summary>
    public Uri Address => _connection.Address;

    /// <summary>Creates a collection with the dense vector <c>dense</c> (cosine) and the server-side BM25 sparse vector <c>bm25</c> (IDF).</summary>
    public Task CreateCollectionAsync(string name, int denseSize, IReadOnlyDictionary<string, JsonElement>? metadata, CancellationToken cancellationToken) =>
        CreateCollectionAsync(name, denseSize, metadata, CollectionLayout.Default, cancellationToken);

    /// <summary>
    /// Creates a collection like <see cref="CreateCollectionAsync(string, int, IReadOnlyDictionary{string, JsonElement}?, CancellationToken)"/>,
    /// spread over the cluster as <paramref name="layout"/> says, and returns once every shard can take writes.
    /// </summary>
    public async Task CreateCollectionAsync(string name, int denseSize, IReadOnlyDictionary<string, JsonElement>? metadata, CollectionLayout layout,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(denseSize, 1);
        ArgumentNullException.ThrowIfNull(layout);
        // The request message rather than the client's convenience overload, which always sends shard_number 1 and so
        // would override Qdrant's own default (one shard per node) on a cluster.
        var request = new CreateCollection
        {
            CollectionName = name,
            VectorsConfig = new VectorsConfig
            {
                ParamsMap = new VectorParamsMap { Map = { [VectorNames.Dense] = new VectorParams { Size = (ulong)denseSize, Distance = Distance.Cosine } } },
            },
            SparseVectorsConfig = new SparseVectorConfig { Map = { [VectorNames.Bm25] = new SparseVectorParams { Modifier = Modifier.Idf } } },
            // Qdrant waits this long for the create to be committed and every replica to turn Active, then answers success
            // whether they have or not: with a node down it always waits the full time, so not the long consensus timeout.
            Timeout = (ulong)Math.Min(ConsensusTimeoutSeconds, CreateTimeout.TotalSeconds),
        };
        request.Metadata.Add(QdrantValues.FromObject(metadata ?? new Dictionary<string, JsonElement>()));
        if (layout.ShardNumber is { } shards)
            request.ShardNumber = (uint)shards;
        if (layout.ReplicationFactor is { } replicas)
            request.ReplicationFactor = (uint)replicas;
        if (layout.WriteConsistencyFactor is { } writeConsistency)
            request.WriteConsistencyFactor = (uint)writeConsistency;

        // Not idempotent: a retry after a create that did land would fail with AlreadyExists.
        await RunAsync($"create collection {name}", idempotent: false, token => _client.CreateCollectionAsync(request, token), cancellationToken);
        await WaitUntilWritableAsync(name, layout.WriteConsistencyFactor ?? 1, cancellationToken);
    }

    /// <summary>
    /// How each shard's replicas stand, as the node we talk to sees them (it knows the remote replicas through consensus).
    /// On a single node: its shards, all local.
    /// </summary>
    public Task<IReadOnlyList<ShardReplica>> GetShardReplicasAsync(string collection, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<ShardReplica>>($"get cluster info of {collection}", idempotent: true, async token =>
        {
            var info = await _client.GetCollectionClusterSetupInfoAsync(collection, token);
            return
            [
                .. info.LocalShards.Select(s => new ShardReplica(s.ShardId, info.PeerId, s.State.ToString(), s.State == ReplicaState.Active)),
                .. info.RemoteShards.Select(s => new ShardReplica(s.ShardId, s.PeerId, s.State.ToString(), s.State == ReplicaState.Active)),
            ];
        }, cancellationToken);

    // Qdrant waits for a new collection's replicas to turn Active before the create returns, but only for its timeout,
    // and answers success either way: on a loaded cluster a write could still find a shard with fewer Active replicas
    // than the write consistency factor. The first look mostly ends the wait. A replica on a node that is down stays
    // Initializing (then Dead) and is not waited for: the shard's other replicas take the writes, and it catches up
    // when its node is back.
    private async Task WaitUntilWritableAsync(string collection, int activePerShard, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_connection.RequestTimeout);
        IReadOnlyList<ShardReplica> replicas = [];
        try
        {
            while (true)
            {
                replicas = await GetShardReplicasAsync(collection, timeout.Token);
                if (replicas.Count > 0 && replicas.GroupBy(r => r.ShardId).All(shard => shard.Count(r => r.IsActive) >= activePerShard))
                {
                    return;
                }

                await Task.Delay(ShardPollInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var states = string.Join(", ", replicas.Select(r => $"shard {r.ShardId} on peer {r.PeerId}: {r.State}"));
            throw new QdrantException($"wait for {collection}", null, states,
                $"Collection {collection} has too few active shard replicas after {_connection.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s " +
                $"(Qdrant:RequestTimeout; {activePerShard} needed per shard): {states}", null);
        }
    }

    public Task<bool> CollectionExistsAsync(string name, CancellationToken cancellationToken) =>
        RunAsync($"check collection {name}", idempotent: true, token => _client.CollectionExistsAsync(name, token), cancellationToken);

    public Task<CollectionDescription> GetCollectionAsync(string name, CancellationToken cancellationToken) =>
        RunAsync($"get collection {name}", idempotent: true, async token =>
        {
            var info = await _client.GetCollectionInfoAsync(name, token);
            return new CollectionDescription(name, info.Status.ToString().ToLowerInvariant(), info.HasPointsCount ? (long)info.PointsCount : 0,
                info.Config?.Metadata is { } stored ? QdrantValues.ToJsonFields(stored) : new Dictionary<string, JsonElement>());
        }, cancellationToken);

    /// <summary>Merges <paramref name="metadata"/> into the collection's metadata (keys not named are kept).</summary>
    public Task UpdateCollectionMetadataAsync(string name, IReadOnlyDictionary<string, JsonElement> metadata, CancellationToken cancellationToken) =>
        RunAsync($"update metadata of {name}", idempotent: true,
            token => _client.UpdateCollectionAsync(name, metadata: QdrantValues.FromObject(metadata), cancellationToken: token), cancellationToken);

    /// <summary>Deletes a collection (and its aliases); false when there was none.</summary>
    public Task<bool> DeleteCollectionAsync(string name, CancellationToken cancellationToken) =>
        // The generated stub, because QdrantClient.DeleteCollectionAsync turns Qdrant's "there was none" into an exception.
        RunAsync($"delete collection {name}", idempotent: true, async token =>
            (await _connection.Stubs.Collections.DeleteAsync(new DeleteCollection { CollectionName = name, Timeout = ConsensusTimeoutSeconds },
                deadline: DateTime.UtcNow + _connection.RequestTimeout, cancellationToken: token)).Result, cancellationToken);

    public Task<IReadOnlyList<string>> ListCollectionsAsync(CancellationToken cancellationToken) =>
        RunAsync("list collections", idempotent: true, token => _client.ListCollectionsAsync(token), cancellationToken);

    /// <summary>
    /// Indexes a keyword payload field. Without <paramref name="wait"/> it returns once queued; Qdrant applies a
    /// collection's updates in order, so a later upsert with wait sees the index built.
    /// </summary>
    public Task CreateKeywordIndexAsync(string collection, string field, bool wait, CancellationToken cancellationToken) =>
        RunAsync($"index {field} in {collection}", idempotent: true,
            token => _client.CreatePayloadIndexAsync(collection, field, PayloadSchemaType.Keyword, wait: wait, cancellationToken: token), cancellationToken);

    /// <summary>Upserts in requests of at most <see cref="MaxPointsPerUpsert"/> points, each applied and searchable before it returns.</summary>
    public Task UpsertAsync(string collection, IReadOnlyList<PassagePoint> points, CancellationToken cancellationToken) =>
        UpsertBatchesAsync(collection, points, static p =>
        {
            var point = new PointStruct
            {
                Id = p.Id,
                Vectors = new Dictionary<string, Vector>
                {
                    [VectorNames.Dense] = p.Vector.Dense.ToArray(),
                    [VectorNames.Bm25] = new Document { Text = p.Vector.Bm25.Text, Model = p.Vector.Bm25.Model },
                },
            };
            point.Payload.Add(QdrantValues.FromPayload(p.Payload));
            return point;
        }, cancellationToken);

    /// <summary>Upserts points read by <see cref="ScrollWithVectorsAsync"/> unchanged, batched like <see cref="UpsertAsync"/>.</summary>
    public Task UpsertRawAsync(string collection, IReadOnlyList<RawPoint> points, CancellationToken cancellationToken) =>
        UpsertBatchesAsync(collection, points, static p =>
        {
            var point = new PointStruct
            {
                Id = p.Id,
                Vectors = new Dictionary<string, Vector>
                {
                    [VectorNames.Dense] = p.Dense.ToArray(),
                    [VectorNames.Bm25] = (p.Bm25.Values.ToArray(), p.Bm25.Indices.ToArray()),
                },
            };
            foreach (var (key, value) in p.Payload)
            {
                point.Payload.Add(key, value);
            }

            return point;
        }, cancellationToken);

    private async Task UpsertBatchesAsync<TPoint>(string collection, IReadOnlyList<TPoint> points, Func<TPoint, PointStruct> toPoint,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(points);
        for (var offset = 0; offset < points.Count; offset += MaxPointsPerUpsert)
        {
            PointStruct[] batch = [.. points.Skip(offset).Take(MaxPointsPerUpsert).Select(toPoint)];
            // Idempotent: an id always stands for the same point (name-based, or copied with its id), so a repeated upsert writes it again.
            // wait: acknowledged once applied on the replicas (at least Qdrant:WriteConsistencyFactor of them), not just queued,
            // so an acknowledged batch survives the loss of a node. Medium ordering rather than Strong: Strong routes every write
            // through a shard's fixed leader replica and refuses writes while that node is down, stalling a refresh for
            // as long as the node is gone; Medium goes through the shard's live replica with the highest peer id, so once
            // the first failed write has marked a dead leader's replica Dead, the retry (QdrantException.IsTransient) lands
            // on the other one. Medium's one risk, replicas applying two writes to the same point in different orders around
            // a leader change, cannot bite here: each build writes a new collection, and a point id always carries the same
            // content. Single node: no replicas, the ordering costs nothing.
            await RunAsync($"upsert {batch.Length} points into {collection}", idempotent: true,
                token => _client.UpsertAsync(collection, batch, wait: true, ordering: WriteOrderingType.Medium, cancellationToken: token), cancellationToken);
        }
    }

    /// <summary>The exact number of points, optionally only those matching <paramref name="filter"/>.</summary>
    public Task<long> CountAsync(string collection, QdrantFilter? filter, CancellationToken cancellationToken) =>
        RunAsync($"count points in {collection}", idempotent: true,
            async token => (long)await _client.CountAsync(collection, ToFilter(filter), exact: true, cancellationToken: token), cancellationToken);

    /// <summary>Exact point counts per value of an indexed keyword field.</summary>
    public Task<IReadOnlyDictionary<string, long>> FacetAsync(string collection, string key, int limit, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyDictionary<string, long>>($"facet {key} in {collection}", idempotent: true, async token =>
        {
            var hits = await _client.FacetAsync(collection, key, limit: (ulong)limit, exact: true, cancellationToken: token);
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var hit in hits.Hits)
            {
                counts[hit.Value.HasStringValue ? hit.Value.StringValue : hit.Value.ToString()] = (long)hit.Count;
            }

            return counts;
        }, cancellationToken);

    /// <summary>
    /// BM25 and dense search fused by reciprocal rank here rather than by Qdrant (see <see cref="ReciprocalRankFusion"/>:
    /// Qdrant's fusion settles tied scores differently after a restart). Results are ordered by fused score, then id.
    /// </summary>
    // One batch request carries the two searches (ids and scores only) and Qdrant's own fusion with payloads: its fused
    // set is ours but for ties at the cut-off, so it supplies the payloads, and only a passage it left out is read in a
    // second request. Read consistency stays Qdrant's default (one replica per shard): on a cluster a shard whose
    // replica's node is down is read from another replica within milliseconds, far inside Qdrant:SearchTimeout.
    public Task<IReadOnlyList<ScoredPoint>> QueryHybridAsync(string collection, HybridQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = ToFilter(query.Filter);
        QueryPoints Search(Query search, string vector) => new()
        {
            CollectionName = collection, Query = search, Using = vector, Filter = filter, Limit = (ulong)query.PrefetchLimit,
            WithPayload = new WithPayloadSelector { Enable = false },
        };
        var bm25 = Search(Bm25(query.Text), VectorNames.Bm25);
        var dense = Search(query.Dense.ToArray(), VectorNames.Dense);
        var fusedByQdrant = new QueryPoints
        {
            CollectionName = collection, Query = new Query { Fusion = Fusion.Rrf }, Filter = filter, Limit = (ulong)query.Limit,
            WithPayload = new WithPayloadSelector { Enable = true },
            Prefetch =
            {
                new PrefetchQuery { Query = bm25.Query, Using = VectorNames.Bm25, Filter = filter, Limit = bm25.Limit },
                new PrefetchQuery { Query = dense.Query, Using = VectorNames.Dense, Filter = filter, Limit = dense.Limit },
            },
        };
        return RunAsync<IReadOnlyList<ScoredPoint>>($"query {collection}", idempotent: true, async token =>
        {
            var results = await _client.QueryBatchAsync(collection, [bm25, dense, fusedByQdrant], cancellationToken: token);
            var fused = ReciprocalRankFusion.Fuse(results.Take(2).Select(list => list.Result.Select(p => (IdOf(p.Id), (double)p.Score))), query.Limit);
            var payloads = results[2].Result.ToDictionary(p => IdOf(p.Id), p => QdrantValues.ToPayload(p.Payload));
            if (fused.Where(f => !payloads.ContainsKey(f.Id)).Select(f => new PointId { Uuid = f.Id.ToString() }).ToList() is { Count: > 0 } missing)
            {
                foreach (var point in await _client.RetrieveAsync(collection, missing, withPayload: true, withVectors: false, cancellationToken: token))
                    payloads[IdOf(point.Id)] = QdrantValues.ToPayload(point.Payload);
            }

            // A point deleted between the two requests (a refresh swapping the alias) is left out, not returned empty.
            return [.. fused.Where(f => payloads.ContainsKey(f.Id)).Select(f => new ScoredPoint(f.Id, f.Score, payloads[f.Id]))];
        }, cancellationToken);
    }

    /// <summary>Qdrant's BM25 alone over the <c>bm25</c> sparse vector, best first; ties ordered by id for a stable order.</summary>
    public Task<IReadOnlyList<ScoredPoint>> QueryBm25Async(string collection, string text, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return QueryAsync($"BM25 query {collection}", token => _client.QueryAsync(collection, Bm25(text), usingVector: VectorNames.Bm25,
            limit: (ulong)limit, payloadSelector: true, cancellationToken: token), cancellationToken);
    }

    private Task<IReadOnlyList<ScoredPoint>> QueryAsync(string operation, Func<CancellationToken, Task<IReadOnlyList<Q.ScoredPoint>>> query,
        CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<ScoredPoint>>(operation, idempotent: true, async token =>
        {
            var points = (await query(token)).Select(p => new ScoredPoint(IdOf(p.Id), p.Score, QdrantValues.ToPayload(p.Payload))).ToArray();
            Array.Sort(points, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
            return points;
        }, cancellationToken);

    public Task DeletePointsAsync(string collection, QdrantFilter filter, CancellationToken cancellationToken) =>
        RunAsync($"delete points from {collection}", idempotent: true,
            token => _client.DeleteAsync(collection, ToFilter(filter)!, wait: true, cancellationToken: token), cancellationToken);

    /// <summary>One page of points with their payloads, in id order; pass <see cref="ScrollPage.NextOffset"/> for the next page.</summary>
    public Task<ScrollPage> ScrollAsync(string collection, QdrantFilter? filter, int limit, Guid? offset, CancellationToken cancellationToken) =>
        RunAsync($"scroll {collection}", idempotent: true, async token =>
        {
            var page = await _client.ScrollAsync(collection, ToFilter(filter), (uint)limit, offset is { } id ? id : null,
                payloadSelector: true, vectorsSelector: false, cancellationToken: token);
            return new ScrollPage([.. page.Result.Select(p => new StoredPoint(IdOf(p.Id), QdrantValues.ToPayload(p.Payload)))], NextOf(page));
        }, cancellationToken);

    /// <summary>Like <see cref="ScrollAsync"/>, with every point's vectors and payload as Qdrant stored them, for a verbatim copy.</summary>
    public Task<RawPointPage> ScrollWithVectorsAsync(string collection, QdrantFilter? filter, int limit, Guid? offset, CancellationToken cancellationToken) =>
        RunAsync($"scroll {collection} with vectors", idempotent: true, async token =>
        {
            var page = await _client.ScrollAsync(collection, ToFilter(filter), (uint)limit, offset is { } id ? id : null,
                payloadSelector: true, vectorsSelector: true, cancellationToken: token);
            return new RawPointPage([.. page.Result.Select(ToRaw)], NextOf(page));
        }, cancellationToken);

    public Task<IReadOnlyList<AliasDescription>> ListAliasesAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<AliasDescription>>("list aliases", idempotent: true,
            async token => [.. (await _client.ListAliasesAsync(token)).Select(a => new AliasDescription(a.AliasName, a.CollectionName))], cancellationToken);

    public Task<IReadOnlyList<AliasDescription>> ListCollectionAliasesAsync(string collection, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<AliasDescription>>($"list aliases of {collection}", idempotent: true,
            async token => [.. (await _client.ListCollectionAliasesAsync(collection, token)).Select(a => new AliasDescription(a, collection))], cancellationToken);

    /// <summary>The collection an alias points at, or null when there is no such alias.</summary>
    public async Task<string?> ResolveAliasAsync(string alias, CancellationToken cancellationToken) =>
        (await ListAliasesAsync(cancellationToken)).FirstOrDefault(a => a.AliasName == alias)?.CollectionName;

    /// <summary>Applies all <paramref name="actions"/> atomically, in one call: readers see either none or all of them.</summary>
    public Task UpdateAliasesAsync(IReadOnlyList<AliasAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actions);
        AliasOperations[] operations = [.. actions.Select(a => a.CreateAlias is { } create
            ? new AliasOperations { CreateAlias = new CreateAlias { AliasName = create.AliasName, CollectionName = create.CollectionName } }
            : new AliasOperations { DeleteAlias = new DeleteAlias { AliasName = a.DeleteAlias!.AliasName } })];
        // Idempotent for our use: deleting a missing alias succeeds, and re-creating one points it at the same collection.
        // On a cluster an alias change is a consensus operation: Qdrant's timeout makes the call return only once it is
        // committed (or fail), so the refresh never reports a swap that has not happened.
        return RunAsync("update aliases", idempotent: true,
            token => _client.UpdateAliasesAsync(operations, ConsensusTimeout, cancellationToken: token), cancellationToken);
    }

    // How long Qdrant waits for a collection or alias change to be committed by the cluster's consensus before it answers
    // with an error, in Qdrant's whole seconds: inside the call's own deadline, so Qdrant's error reaches the caller
    // rather than a bare deadline.
    private TimeSpan ConsensusTimeout => TimeSpan.FromSeconds(ConsensusTimeoutSeconds);

    private ulong ConsensusTimeoutSeconds => (ulong)Math.Max(1, Math.Floor(_connection.RequestTimeout.TotalSeconds * 0.8));

    private static Document Bm25(string text) => new() { Text = text, Model = VectorNames.Bm25Model };

    private static Guid IdOf(PointId id) => Guid.Parse(id.Uuid);

    private static Guid? NextOf(ScrollResponse page) => page.NextPageOffset is { } next ? IdOf(next) : null;

    private static RawPoint ToRaw(RetrievedPoint point)
    {
        var vectors = point.Vectors.Vectors.Vectors;
        var payload = point.Payload.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new RawPoint(IdOf(point.Id), DenseOf(vectors[VectorNames.Dense]), SparseOf(vectors[VectorNames.Bm25]), payload);
    }

    // Qdrant 1.16 fills only the deprecated VectorOutput.Data / Indices fields when it returns vectors; newer servers fill
    // Dense / Sparse (and, for now, the old fields too). Read the new shape when present, else the old one.
#pragma warning disable CS0612 // VectorOutput.Data and .Indices are obsolete in Qdrant.Client 1.20, yet all a 1.16 server sends.
    private static float[] DenseOf(VectorOutput vector) =>
        vector.Dense is { Data.Count: > 0 } dense ? [.. dense.Data] : [.. vector.Data];

    private static StoredSparseVector SparseOf(VectorOutput vector) => vector.Sparse is { Indices.Count: > 0 } sparse
        ? new StoredSparseVector([.. sparse.Indices], [.. sparse.Values])
        : new StoredSparseVector([.. vector.Indices?.Data ?? []], [.. vector.Data]);
#pragma warning restore CS0612

    private static Filter? ToFilter(QdrantFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var result = new Filter();
        result.Must.AddRange((filter.Must ?? []).Select(ToCondition));
        result.MustNot.AddRange((filter.MustNot ?? []).Select(ToCondition));
        return result;
    }

    private static Condition ToCondition(FieldCondition condition) => condition.Match.Any is { } any
        ? Conditions.Match(condition.Key, any)
        : Conditions.MatchKeyword(condition.Key, condition.Match.Value ?? throw new ArgumentException($"The condition on {condition.Key} matches nothing."));

    private Task<bool> RunAsync(string operation, bool idempotent, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(operation, idempotent, async token =>
        {
            await call(token);
            return true;
        }, cancellationToken);

    private async Task<T> RunAsync<T>(string operation, bool idempotent, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var pipeline = idempotent ? _retry : ResiliencePipeline.Empty;
        return await pipeline.ExecuteAsync(async token =>
        {
            try
            {
                return await call(token);
            }
            catch (RpcException e)
            {
                LogCallFailed(operation, e.StatusCode, e.Status.Detail);
                if (e.StatusCode == StatusCode.Unavailable)
                {
                    await TryRecoverAsync(token);
                }

                throw ToException(operation, e);
            }
            catch (global::Qdrant.Client.QdrantException e)
            {
                // Qdrant answered, but the client found the answer wanting (e.g. "could not be created").
                LogCallFailed(operation, null, e.Message);
                throw new QdrantException(operation, null, e.Message, e);
            }
        }, cancellationToken);
    }

    // Recovery is best effort: when it fails too, the caller still gets the original "unavailable", not the recovery's error.
    private async Task TryRecoverAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _connection.RecoverAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRecoveryFailed(e);
        }
    }

    private QdrantException ToException(string operation, RpcException e)
    {
        var detail = e.Status.Detail;
        return e.StatusCode switch
        {
            StatusCode.Unavailable => new QdrantException(operation, e.StatusCode, detail,
                $"Qdrant {operation} failed: Qdrant at {Address} is temporarily unavailable ({detail})", e),
            StatusCode.DeadlineExceeded => new QdrantException(operation, e.StatusCode, detail,
                $"Qdrant {operation} failed: no answer within {_connection.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s (Qdrant:RequestTimeout)", e),
            StatusCode.Unauthenticated or StatusCode.PermissionDenied => new QdrantException(operation, e.StatusCode, detail,
                $"Qdrant {operation} failed with {e.StatusCode}: {detail} (check Qdrant:ApiKey)", e),
            _ => new QdrantException(operation, e.StatusCode, detail, e),
        };
    }

    [LoggerMessage(3012, LogLevel.Warning, "Recovering Qdrant after it could not be reached failed")]
    private partial void LogRecoveryFailed(Exception exception);

    [LoggerMessage(3010, LogLevel.Warning, "Qdrant request failed transiently ({Error}); retry {Attempt} in {Delay}")]
    private partial void LogRetry(string error, int attempt, TimeSpan delay);

    // Debug: many failures are expected (AlreadyExists, NotFound); the caller logs the ones that matter at their level.
    [LoggerMessage(3011, LogLevel.Debug, "Qdrant {Operation} failed with {Status}: {Detail}")]
    private partial void LogCallFailed(string operation, StatusCode? status, string detail);
}
