using System.Diagnostics;
using Grpc.Core;
using TalksBot.Qdrant.Store;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests.Store;

public sealed class QdrantIndexClientTests(QdrantFixture qdrant)
{
    private readonly QdrantIndexClient _client = qdrant.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UpsertedPointsComeBackFromAHybridQueryWithTheirPayload()
    {
        var collection = await CreateCollectionAsync(dimensions: 2);
        var payload = Payload("a1", "Lavrov led the Russian delegation.");
        var id = Guid.NewGuid();
        await _client.UpsertAsync(collection, [new PassagePoint(id, new PointVectors(new float[] { 1, 0 }, new Bm25Document(payload.Text)), payload)], Ct);

        var points = await _client.QueryHybridAsync(collection, new HybridQuery("who led the russian delegation", new float[] { 1, 0 }, 5, 50), Ct);

        var point = Assert.Single(points);
        Assert.Equal(id, point.Id);
        Assert.Equal(payload, point.Payload);
    }

    [Fact]
    public async Task ACollectionCreatedWithALayoutHasThatManyShardsAllActive()
    {
        var name = QdrantFixture.UniqueCollectionName();

        await _client.CreateCollectionAsync(name, 2, null, new CollectionLayout(ShardNumber: 2, ReplicationFactor: 1, WriteConsistencyFactor: 1), Ct);

        var replicas = await _client.GetShardReplicasAsync(name, Ct);
        Assert.Equal([0u, 1u], replicas.Select(r => r.ShardId).Order());
        Assert.All(replicas, r => Assert.True(r.IsActive, r.State));
    }

    [Fact]
    public async Task ACollectionCreatedWithTheDefaultLayoutLeavesTheShardCountToQdrant()
    {
        var name = QdrantFixture.UniqueCollectionName();

        await _client.CreateCollectionAsync(name, 2, null, CollectionLayout.Default, Ct);

        // A single node's default: one shard (on a cluster, one per node).
        var replica = Assert.Single(await _client.GetShardReplicasAsync(name, Ct));
        Assert.Equal("Active", replica.State);
    }

    [Fact]
    public async Task QueryingAMissingCollectionThrowsQdrantExceptionWithQdrantsOwnMessage()
    {
        var missing = QdrantFixture.UniqueCollectionName("missing");

        var error = await Assert.ThrowsAsync<QdrantException>(() =>
            _client.QueryHybridAsync(missing, new HybridQuery("anything", new float[] { 1, 0 }, 5, 50), Ct));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Equal($"Not found: Collection `{missing}` doesn't exist!", error.QdrantError);
        Assert.Contains(error.QdrantError!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingACollectionThatExistsIsNotRetriedAndReportsTheConflict()
    {
        var collection = await CreateCollectionAsync(dimensions: 2);

        var error = await Assert.ThrowsAsync<QdrantException>(() => _client.CreateCollectionAsync(collection, 2, null, Ct));

        Assert.False(error.IsTransient);
        Assert.Contains("already exists", error.QdrantError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TiedFusedScoresAreOrderedByPointId()
    {
        // Each point tops exactly one prefetch of one candidate, so both fuse to the same score.
        var collection = await CreateCollectionAsync(dimensions: 2);
        var low = new Guid("00000000-0000-4000-8000-000000000001");
        var high = new Guid("ffffffff-ffff-4fff-bfff-ffffffffffff");
        await _client.UpsertAsync(collection,
        [
            new PassagePoint(high, new PointVectors(new float[] { 0, 1 }, new Bm25Document("sanctions")), Payload("a1", "sanctions")),
            new PassagePoint(low, new PointVectors(new float[] { 1, 0 }, new Bm25Document("embassies")), Payload("a2", "embassies")),
        ], Ct);

        var forward = await _client.QueryHybridAsync(collection, new HybridQuery("sanctions", new float[] { 1, 0 }, 2, 1), Ct);
        var reverse = await _client.QueryHybridAsync(collection, new HybridQuery("embassies", new float[] { 0, 1 }, 2, 1), Ct);

        Assert.Equal(forward[0].Score, forward[1].Score);
        Assert.Equal([low, high], forward.Select(p => p.Id));
        Assert.Equal([low, high], reverse.Select(p => p.Id));
    }

    [Fact]
    public async Task PointsTiedInBothSearchesComeBackInIdOrderWithPositionScores()
    {
        // Same text, same vector: tied in BM25 and in the dense search, where Qdrant's own order between them is its
        // segments' and may change after a restart.
        var collection = await CreateCollectionAsync(dimensions: 2);
        var low = new Guid("00000000-0000-4000-8000-000000000001");
        var high = new Guid("ffffffff-ffff-4fff-bfff-ffffffffffff");
        await _client.UpsertAsync(collection,
        [
            new PassagePoint(high, new PointVectors(new float[] { 1, 0 }, new Bm25Document("sanctions relief")), Payload("a1", "sanctions relief")),
            new PassagePoint(low, new PointVectors(new float[] { 1, 0 }, new Bm25Document("sanctions relief")), Payload("a2", "sanctions relief")),
        ], Ct);

        var points = await _client.QueryHybridAsync(collection, new HybridQuery("sanctions", new float[] { 1, 0 }, 2, 50), Ct);

        Assert.Equal([low, high], points.Select(p => p.Id));
        Assert.Equal([1.0, Math.Round(2.0 / 3, 6)], points.Select(p => Math.Round(p.Score, 6)));
        Assert.All(points, p => Assert.NotNull(p.Payload));
    }

    [Fact]
    public async Task APointOurFusionKeepsAndQdrantsCutIsStillReturnedWithItsPayload()
    {
        // Tied everywhere and one place to fill: Qdrant's own fusion keeps whichever its segments list first (the one
        // written last, here the higher id), ours the lower id, whose payload is then read on its own.
        var collection = await CreateCollectionAsync(dimensions: 2);
        var low = new Guid("00000000-0000-4000-8000-000000000001");
        var high = new Guid("ffffffff-ffff-4fff-bfff-ffffffffffff");
        await _client.UpsertAsync(collection,
            [new PassagePoint(low, new PointVectors(new float[] { 1, 0 }, new Bm25Document("sanctions relief")), Payload("a2", "sanctions relief"))], Ct);
        await _client.UpsertAsync(collection,
            [new PassagePoint(high, new PointVectors(new float[] { 1, 0 }, new Bm25Document("sanctions relief")), Payload("a1", "sanctions relief"))], Ct);

        var points = await _client.QueryHybridAsync(collection, new HybridQuery("sanctions", new float[] { 1, 0 }, 1, 50), Ct);

        var point = Assert.Single(points);
        Assert.Equal(low, point.Id);
        Assert.Equal("a2", point.Payload?.ArticleId);
    }

    [Fact]
    public async Task ExactCountCountsOnlyThePointsMatchingTheFilter()
    {
        var collection = await CreateCollectionAsync(dimensions: 2);
        await _client.CreateKeywordIndexAsync(collection, "article_id", wait: true, Ct);
        await _client.UpsertAsync(collection, [Point("a1", "one"), Point("a1", "two"), Point("a2", "three")], Ct);

        var count = await _client.CountAsync(collection, QdrantFilter.KeywordIs("article_id", "a1"), Ct);

        Assert.Equal(2, count);
    }

    [Fact]
    public async Task DeleteByFilterRemovesOnlyThatArticlesPoints()
    {
        var collection = await CreateCollectionAsync(dimensions: 2);
        await _client.CreateKeywordIndexAsync(collection, "article_id", wait: true, Ct);
        await _client.UpsertAsync(collection, [Point("a1", "one"), Point("a1", "two"), Point("a2", "three")], Ct);

        await _client.DeletePointsAsync(collection, QdrantFilter.KeywordIs("article_id", "a1"), Ct);

        var page = await _client.ScrollAsync(collection, null, 10, null, Ct);
        Assert.Equal(["a2"], page.Points.Select(p => p.Payload!.ArticleId));
    }

    [Fact]
    public async Task ScrollPagesThroughEveryPointOnce()
    {
        var collection = await CreateCollectionAsync(dimensions: 2);
        var points = Enumerable.Range(0, 5).Select(i => Point("a1", $"passage {i}")).ToArray();
        await _client.UpsertAsync(collection, points, Ct);

        var seen = new List<Guid>();
        Guid? offset = null;
        do
        {
            var page = await _client.ScrollAsync(collection, null, 2, offset, Ct);
            seen.AddRange(page.Points.Select(p => p.Id));
            offset = page.NextOffset;
        }
        while (offset is not null);

        Assert.Equal(points.Select(p => p.Id).Order(), seen.Order());
    }

    [Fact]
    public async Task UpsertSplitsLargeBatchesAndStoresEveryPoint()
    {
        var collection = await CreateCollectionAsync(dimensions: 2);
        var points = Enumerable.Range(0, QdrantIndexClient.MaxPointsPerUpsert + 10).Select(i => Point("a1", $"passage {i}")).ToArray();

        await _client.UpsertAsync(collection, points, Ct);

        Assert.Equal(points.Length, await _client.CountAsync(collection, null, Ct));
    }

    [Fact]
    public async Task CollectionMetadataIsStoredAtCreationAndMergedOnUpdate()
    {
        var collection = QdrantFixture.UniqueCollectionName();
        await _client.CreateCollectionAsync(collection, 2,
            new Dictionary<string, System.Text.Json.JsonElement> { ["first"] = System.Text.Json.JsonDocument.Parse("1").RootElement }, Ct);

        await _client.UpdateCollectionMetadataAsync(collection,
            new Dictionary<string, System.Text.Json.JsonElement> { ["second"] = System.Text.Json.JsonDocument.Parse("\"two\"").RootElement }, Ct);

        var description = await _client.GetCollectionAsync(collection, Ct);
        Assert.Equal(1, description.Metadata["first"].GetInt32());
        Assert.Equal("two", description.Metadata["second"].GetString());
    }

    [Fact]
    public async Task AliasSwapInOneRequestMovesReadersToTheNewCollection()
    {
        var alias = QdrantFixture.UniqueName("alias");
        var first = await CreateCollectionAsync(dimensions: 2);
        var second = await CreateCollectionAsync(dimensions: 2);
        await _client.UpsertAsync(first, [Point("old", "the old index")], Ct);
        await _client.UpsertAsync(second, [Point("new", "the new index")], Ct);
        await _client.UpdateAliasesAsync([AliasAction.Delete(alias), AliasAction.Create(alias, first)], Ct);

        await _client.UpdateAliasesAsync([AliasAction.Delete(alias), AliasAction.Create(alias, second)], Ct);

        var points = await _client.QueryHybridAsync(alias, new HybridQuery("index", new float[] { 1, 0 }, 5, 50), Ct);
        Assert.Equal(["new"], points.Select(p => p.Payload!.ArticleId));
        Assert.Equal([new AliasDescription(alias, second)], (await _client.ListAliasesAsync(Ct)).Where(a => a.AliasName == alias));
        Assert.Empty(await _client.ListCollectionAliasesAsync(first, Ct));
    }

    [Fact]
    public async Task DeletingACollectionReportsWhetherItExisted()
    {
        var collection = await CreateCollectionAsync(dimensions: 2);

        var deleted = await _client.DeleteCollectionAsync(collection, Ct);
        var deletedAgain = await _client.DeleteCollectionAsync(collection, Ct);

        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.False(await _client.CollectionExistsAsync(collection, Ct));
        Assert.DoesNotContain(collection, await _client.ListCollectionsAsync(Ct));
    }

    [Fact]
    public async Task AnUnreachableQdrantSurfacesAsATransientQdrantExceptionNamingTheAddressWithinTheTimeout()
    {
        var closedPort = LoopbackPorts.Free(1)[0];
        var timeout = TimeSpan.FromSeconds(5);
        using var connection = new QdrantConnection(new Uri($"http://127.0.0.1:{closedPort}/"), apiKey: null, timeout);
        var client = new QdrantIndexClient(connection);
        var started = Stopwatch.GetTimestamp();

        var error = await Assert.ThrowsAsync<QdrantException>(() => client.ListCollectionsAsync(Ct));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Contains($"Qdrant at http://127.0.0.1:{closedPort}/ is temporarily unavailable", error.Message, StringComparison.Ordinal);
        // Each attempt is refused at once, and the three retries back off from 100 ms (about 0.7 s in all), so the
        // answer comes well inside one request timeout even on a loaded machine.
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, timeout);
    }

    [Fact]
    public async Task CreatingACollectionWithAnInvalidNameReportsQdrantsOwnText()
    {
        var error = await Assert.ThrowsAsync<QdrantException>(() => _client.CreateCollectionAsync("bad/name", 2, null, Ct));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.False(string.IsNullOrWhiteSpace(error.QdrantError));
        Assert.Contains(error.QdrantError!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScrollWithVectorsReadsBothVectorsFromTheServer()
    {
        var collection = await CreateCollectionAsync(dimensions: 2);
        var point = Point("a1", "Lavrov led the Russian delegation.");
        await _client.UpsertAsync(collection, [point], Ct);

        var raw = Assert.Single((await _client.ScrollWithVectorsAsync(collection, null, 10, null, Ct)).Points);

        Assert.Equal(point.Id, raw.Id);
        Assert.Equal(2, raw.Dense.Count);
        Assert.Equal(1f, raw.Dense[0], 5);
        // The server computed the BM25 vector from the text: one weight per distinct stemmed term.
        Assert.NotEmpty(raw.Bm25.Indices);
        Assert.Equal(raw.Bm25.Indices.Count, raw.Bm25.Values.Count);
        Assert.Equal("a1", raw.Payload["article_id"].StringValue);
    }

    private async Task<string> CreateCollectionAsync(int dimensions)
    {
        var name = QdrantFixture.UniqueCollectionName();
        await _client.CreateCollectionAsync(name, dimensions, null, Ct);
        return name;
    }

    private static PassagePoint Point(string articleId, string text) =>
        new(Guid.NewGuid(), new PointVectors(new float[] { 1, 0 }, new Bm25Document(text)), Payload(articleId, text));

    private static PassagePayload Payload(string articleId, string text) => new(
        articleId, "A title", null, new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero), null, "hash", 0, null, text, 0, text.Length,
        PassagePayload.CurrentSchemaVersion);
}
