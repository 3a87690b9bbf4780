using System.Globalization;
using System.Text.Json.Nodes;
using TalksBot.Testing.FakeDiscord;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

/// <summary>Two <c>talksbot run</c> processes as shards 0 and 1 of 2, against one fake Discord and one real Qdrant index.</summary>
public sealed class ShardedRunTests(QdrantFixture qdrant)
{
    private const string UserId = "200000000000000031";
    private const string DirectChannelId = "300000000000000088";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task EachShardProcessAnswersItsOwnGuildsOnceAndOnlyShardZeroRegistersCommands()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var sessions = discord.KeepSessions();
        // Discord sends a guild's events to its shard only. The fake sends every event to both, so only each process's
        // own shard filter keeps it from answering the other's guilds (and shard 1 from answering DMs).
        sessions.MisrouteToAllShards = true;
        var shard0 = new CliRun(qdrant);
        // One index and one refresh lock for both, as processes on one host share them: one builds, the other waits.
        var shard1 = new CliRun(qdrant)
            .With("Qdrant__Alias", shard0.Alias)
            .With("Qdrant__CollectionPrefix", shard0.CollectionPrefix)
            .With("Refresh__LockPath", Path.Combine(shard0.StateDirectory, "refresh.lock"))
            .With("Refresh__StatusPath", Path.Combine(shard0.StateDirectory, "refresh-status.json"));
        var client = qdrant.CreateClient();
        var finished = false;
        Task<bool> Stop() => Task.FromResult(finished);
        // Discord gives every shard the same token; here each process has its own, so the fake can tell who answered.
        string[] Run(int shard) =>
        [
            "run", "-c", $"Discord:Token=shard{shard}-token", "-c", $"Discord:ApiBaseUrl={discord.ApiBaseUrl}",
            "-c", $"Discord:ShardId={shard}", "-c", "Discord:ShardCount=2", "-c", "Refresh:WatchArticles=false", "-c", "Embeddings:Provider=Hashing",
        ];
        var runs = new[] { shard0.RunAsync(Stop, Run(0)), shard1.RunAsync(Stop, Run(1)) };

        var guilds = new[] { Guild(0), Guild(1), Guild(2), Guild(3), Guild(4), Guild(5) };
        var interactions = guilds.Select((guild, i) => (Id: (500000000000000100 + i).ToString(CultureInfo.InvariantCulture), Token: $"shard-test-{i}", Guild: guild)).ToList();
        Exception? failure = null;
        try
        {
            await Until(() => sessions.IdentifyLog.Count >= 2, "both shards identifying");
            await Until(async () => await client.ResolveAliasAsync(shard0.Alias, TestContext.Current.CancellationToken) is not null, "the index being served");
            foreach (var (id, token, guild) in interactions)
                await sessions.DispatchAsync("INTERACTION_CREATE", Ask(id, token, discord.ApplicationId, guild));
            await sessions.DispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000031", UserId, "Who led the U.S. delegation?", DirectChannelId, guildId: null));

            await Until(() => interactions.All(i => discord.Requests.Any(r => IsEdit(r, i.Token))), "every interaction answered");
            await Until(() => discord.Requests.Any(r => IsDirectReply(r)), "the DM answered");
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            finished = true;
        }

        var results = await Task.WhenAll(runs);
        Assert.True(failure is null, $"{failure}\nshard 0: {results[0]}\nshard 1: {results[1]}");
        Assert.Equal(["0/2", "1/2"], sessions.IdentifyLog.Select(i => $"{i.Shard}/{i.ShardCount}").Order());
        foreach (var (id, token, guild) in interactions)
        {
            var callbacks = discord.Requests.Where(r => r.Method == "POST" && r.Path == $"/interactions/{id}/{token}/callback").ToList();
            var owner = FakeGatewaySessions.ShardOf(guild, 2);
            Assert.True(callbacks.Count == 1 && callbacks[0].Shard == owner,
                $"guild {guild} (shard {owner}): answered by shard(s) [{string.Join(", ", callbacks.Select(c => c.Shard))}]");
        }

        var directReplies = discord.Requests.Where(IsDirectReply).ToList();
        Assert.True(directReplies.Count == 1 && directReplies[0].Shard == 0, $"DM answered by [{string.Join(", ", directReplies.Select(r => r.Shard))}]");
        var registrations = discord.Requests.Where(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal)).ToList();
        Assert.True(registrations.Count == 1 && registrations[0].Shard == 0, $"commands registered by [{string.Join(", ", registrations.Select(r => r.Shard))}]");
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
    }

    // A guild id whose timestamp bits (above bit 22) are `n`: shard n % 2 of 2.
    private static string Guild(int n) => (((ulong)(1000 + n) << 22) | 12345).ToString(CultureInfo.InvariantCulture);

    private static bool IsEdit(RecordedRequest r, string token) =>
        r.Method == "PATCH" && r.Path.Contains($"/{token}/messages/@original", StringComparison.Ordinal);

    private static bool IsDirectReply(RecordedRequest r) => r.Method == "POST" && r.Path == $"/channels/{DirectChannelId}/messages";

    private static JsonObject Ask(string id, string token, string applicationId, string guildId) =>
        FakeDiscordEvents.SlashCommand(id, token, applicationId, "ask", UserId, new Dictionary<string, string> { ["question"] = "Who led the U.S. delegation?" }, guildId: guildId);

    private static Task Until(Func<bool> condition, string what) => Until(() => Task.FromResult(condition()), what);

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + Generous;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
