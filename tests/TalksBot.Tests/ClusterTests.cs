using System.Text.Json;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

/// <summary>
/// The app against a 3-node Qdrant cluster on loopback, as the README tells a user to set it up (3 shards × 2 replicas,
/// write consistency 1), through the real CLI: refresh, ask. The app talks to node 0, so node 2 is the one killed.
/// The tests of this class run one after another (xunit runs a class's tests in sequence), each on its own alias.
/// </summary>
public sealed class ClusterTests(QdrantFixture qdrant, QdrantClusterFixture cluster) : IClassFixture<QdrantClusterFixture>
{
    private const int KilledNode = 2;
    private static readonly string[] Questions = ["Who led the U.S. delegation?", "Who is Kirill Dmitriev?", "When did the officials meet in Riyadh?"];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARefreshBuildsThreeShardsOfTwoReplicasOnDistinctPeersAndSwapsTheAliasToIt()
    {
        var run = ClusterRun(out var folder);
        var first = await run.RunAsync("refresh");
        var before = await ServedAsync(run);
        await ChangeAnArticleAsync(folder);

        var second = await run.RunAsync("refresh");
        var after = await ServedAsync(run);
        var ask = await run.RunAsync("ask", "--json", Questions[0]);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.NotEqual(before, after);
        await AssertLayoutAsync(before);
        await AssertLayoutAsync(after);
        AssertAnsweredWithCitations(ask);
    }

    [Fact]
    public async Task QuestionsAreAnsweredWithCitationsWhileANodeHoldingReplicasIsDown()
    {
        var run = ClusterRun(out _);
        var build = await run.RunAsync("refresh");
        Assert.True(build.ExitCode == 0, build.ToString());
        var served = await ServedAsync(run);
        Assert.NotEmpty((await cluster.GetResultAsync(KilledNode, $"collections/{served}/cluster", Ct)).GetProperty("local_shards").EnumerateArray());

        cluster.Kill(KilledNode);
        try
        {
            var answers = new List<CliResult>();
            foreach (var question in Questions)
                answers.Add(await run.RunAsync("ask", "--json", question));

            Assert.All(answers, AssertAnsweredWithCitations);
        }
        finally
        {
            await cluster.RestartAsync(KilledNode, Ct);
        }
    }

    [Fact]
    public async Task ARefreshWhileANodeIsDownIsServedAndTheNodeCatchesUpWhenItIsBack()
    {
        var run = ClusterRun(out var folder);
        var build = await run.RunAsync("refresh");
        Assert.True(build.ExitCode == 0, build.ToString());
        var before = await ServedAsync(run);
        await ChangeAnArticleAsync(folder);

        cluster.Kill(KilledNode);
        CliResult refresh, ask;
        string after;
        try
        {
            refresh = await run.RunAsync("refresh");
            after = await ServedAsync(run);
            ask = await run.RunAsync("ask", "--json", Questions[1]);
        }
        finally
        {
            await cluster.RestartAsync(KilledNode, Ct);
        }

        Assert.True(refresh.ExitCode == 0, refresh.ToString());
        Assert.NotEqual(before, after);
        AssertAnsweredWithCitations(ask);
        // Back: the node's replicas of the collection built without it turn Active and hold what their peers hold.
        await cluster.WaitForAsync(async token =>
        {
            var replicas = await LocalReplicasAsync(after, token);
            return replicas.Any(r => r.Node == KilledNode)
                && replicas.All(r => r.State == "Active")
                && replicas.GroupBy(r => r.ShardId).All(shard => shard.Count() == 2 && shard.Select(r => r.Points).Distinct().Count() == 1);
        }, $"node {KilledNode} to catch up on {after}", Ct);
        var caughtUp = await LocalReplicasAsync(after, Ct);
        Assert.Equal(await PassageCountAsync(after), caughtUp.GroupBy(r => r.ShardId).Sum(shard => shard.First().Points));
    }

    private CliRun ClusterRun(out string folder)
    {
        var run = new CliRun(qdrant)
            .With("Qdrant__Url", cluster.BaseAddress.ToString())
            .With("Qdrant__GrpcUrl", cluster.GrpcAddress.ToString())
            .With("Qdrant__ShardNumber", "3")
            .With("Qdrant__ReplicationFactor", "2")
            .With("Qdrant__WriteConsistencyFactor", "1");
        folder = run.UseArticleCopy();
        return run;
    }

    private static async Task ChangeAnArticleAsync(string folder)
    {
        var changed = Directory.GetFiles(folder).Order(StringComparer.Ordinal).First();
        await File.AppendAllTextAsync(changed, "\n\nA later update said the delegations would meet again within weeks.\n", Ct);
    }

    private async Task<string> ServedAsync(CliRun run)
    {
        var aliases = (await cluster.GetResultAsync(0, "aliases", Ct)).GetProperty("aliases").EnumerateArray();
        return aliases.Single(a => a.GetProperty("alias_name").GetString() == run.Alias).GetProperty("collection_name").GetString()!;
    }

    private async Task AssertLayoutAsync(string collection)
    {
        var parameters = (await cluster.GetResultAsync(0, $"collections/{collection}", Ct)).GetProperty("config").GetProperty("params");
        Assert.Equal(3, parameters.GetProperty("shard_number").GetInt32());
        Assert.Equal(2, parameters.GetProperty("replication_factor").GetInt32());
        Assert.Equal(1, parameters.GetProperty("write_consistency_factor").GetInt32());

        // Node 0 sees its own replicas as local and every other one as remote, with the peer holding it.
        var info = await cluster.GetResultAsync(0, $"collections/{collection}/cluster", Ct);
        var self = info.GetProperty("peer_id").GetUInt64();
        var replicas = info.GetProperty("local_shards").EnumerateArray()
            .Select(s => (Shard: s.GetProperty("shard_id").GetInt32(), Peer: self, State: s.GetProperty("state").GetString()))
            .Concat(info.GetProperty("remote_shards").EnumerateArray()
                .Select(s => (Shard: s.GetProperty("shard_id").GetInt32(), Peer: s.GetProperty("peer_id").GetUInt64(), State: s.GetProperty("state").GetString())))
            .ToList();
        Assert.Equal([0, 1, 2], replicas.Select(r => r.Shard).Distinct().Order());
        Assert.All(replicas.GroupBy(r => r.Shard), shard => Assert.Equal(2, shard.Select(r => r.Peer).Distinct().Count()));
        Assert.Equal(6, replicas.Count);
        Assert.All(replicas, r => Assert.Equal("Active", r.State));
    }

    // Every node's own replicas of the collection with their point counts: only a replica's own node counts its points.
    private async Task<List<(int Node, int ShardId, string? State, long Points)>> LocalReplicasAsync(string collection, CancellationToken cancellationToken)
    {
        var replicas = new List<(int, int, string?, long)>();
        for (var node = 0; node < QdrantClusterFixture.NodeCount; node++)
        {
            foreach (var shard in (await cluster.GetResultAsync(node, $"collections/{collection}/cluster", cancellationToken)).GetProperty("local_shards").EnumerateArray())
                replicas.Add((node, shard.GetProperty("shard_id").GetInt32(), shard.GetProperty("state").GetString(), shard.GetProperty("points_count").GetInt64()));
        }

        return replicas;
    }

    private async Task<long> PassageCountAsync(string collection)
    {
        using var connection = new TalksBot.Qdrant.Store.QdrantConnection(cluster.GrpcAddress, apiKey: null, TimeSpan.FromSeconds(30));
        return await new TalksBot.Qdrant.Store.QdrantIndexClient(connection).CountAsync(collection, filter: null, Ct);
    }

    private static void AssertAnsweredWithCitations(CliResult ask)
    {
        Assert.True(ask.ExitCode == 0, ask.ToString());
        using var json = JsonDocument.Parse(ask.StandardOutput);
        Assert.False(json.RootElement.GetProperty("abstained").GetBoolean(), ask.ToString());
        var citations = json.RootElement.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        Assert.All(citations, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("quote").GetString())));
    }
}
