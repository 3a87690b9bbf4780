using TalksBot.Qdrant.Store;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests.Store;

/// <summary>Writes on a 3-node loopback cluster when a node dies under them.</summary>
public sealed class ClusterUpsertTests(QdrantClusterFixture cluster) : IClassFixture<QdrantClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUpsertRightAfterTheNodeLeadingAShardsWritesDiesLandsOnTheOtherReplica()
    {
        using var connection = new QdrantConnection(cluster.GrpcAddress, apiKey: null, TimeSpan.FromSeconds(60));
        var client = new QdrantIndexClient(connection);
        var collection = QdrantFixture.UniqueCollectionName();
        await client.CreateCollectionAsync(collection, 2, null, new CollectionLayout(3, 2, 1), Ct);
        await client.UpsertAsync(collection, Points(30), Ct);

        // With Medium ordering a shard's writes go through its live replica with the highest peer id, and Qdrant learns
        // that the node is gone only when a write to it fails. Kill the app-facing node's neighbour that leads a shard.
        var peers = new ulong[QdrantClusterFixture.NodeCount];
        for (var node = 0; node < peers.Length; node++)
            peers[node] = (await cluster.GetResultAsync(node, "cluster", Ct)).GetProperty("peer_id").GetUInt64();
        var victim = peers[1] > peers[2] ? 1 : 2;
        var replicas = await client.GetShardReplicasAsync(collection, Ct);
        Assert.Contains(replicas.GroupBy(r => r.ShardId), shard => shard.Max(r => r.PeerId) == peers[victim]);

        cluster.Kill(victim);
        try
        {
            await client.UpsertAsync(collection, Points(30), Ct);

            Assert.Equal(60, await client.CountAsync(collection, filter: null, Ct));
        }
        finally
        {
            await cluster.RestartAsync(victim, Ct);
        }
    }

    // Random ids spread the points over all three shards.
    private static PassagePoint[] Points(int count) => [.. Enumerable.Range(0, count).Select(i =>
    {
        var text = $"Passage {i} about the talks.";
        return new PassagePoint(Guid.NewGuid(), new PointVectors(new float[] { 1, i }, new Bm25Document(text)),
            new PassagePayload("a1", "A title", null, null, null, "hash", i, null, text, 0, text.Length, PassagePayload.CurrentSchemaVersion));
    })];
}
