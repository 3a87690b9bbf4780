using System.Text.Json.Nodes;
using TalksBot.Testing.FakeDiscord;

namespace TalksBot.Discord.Tests.Sharding;

/// <summary>One shard of a sharded bot (the real host) against the fake Discord with Discord's session bookkeeping.</summary>
public sealed class ShardedBotTests
{
    private const string UserId = "200000000000000001";
    private const string DirectChannelId = "300000000000000077";

    // Guild ids whose timestamp bits put them on shard 0 and shard 1 of 2.
    private const string GuildOfShard0 = "4194304000";
    private const string GuildOfShard1 = "4194304";

    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task AShardAnswersItsOwnGuildAndDropsAnotherShardsGuildAndDirectMessagesDiscordMisroutedToIt()
    {
        var (bot, sessions) = await StartShardAsync(1, "2", misroute: true);
        await using var _ = bot;

        await sessions.DispatchAsync("INTERACTION_CREATE", Ask("500000000000000010", "tok-other-guild", bot.Discord.ApplicationId, GuildOfShard0));
        await sessions.DispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000011", UserId, "What was agreed?", DirectChannelId, guildId: null));
        await sessions.DispatchAsync("INTERACTION_CREATE", Ask("500000000000000012", "tok-own-guild", bot.Discord.ApplicationId, GuildOfShard1));
        await bot.Discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains("/tok-own-guild/", StringComparison.Ordinal), Generous);
        await Eventually.UntilAsync(() => bot.Logs.Entries.Count(e => e.EventId.Id == 1403) == 2, Generous);

        Assert.Equal((1, 2), (sessions.IdentifyLog[0].Shard, sessions.IdentifyLog[0].ShardCount));
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Path.Contains("500000000000000010", StringComparison.Ordinal) || r.Path.Contains("tok-other-guild", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Discord.Requests, r => r.Path.Contains(DirectChannelId, StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Entries, e => e.EventId.Id == 1403 && e.Message.Contains("a DM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AShardOtherThanZeroDoesNotRegisterCommands()
    {
        var (bot, sessions) = await StartShardAsync(1, "2");
        await using var _ = bot;

        // READY was queued before this interaction; once the interaction is answered, READY has been handled too.
        await sessions.DispatchAsync("INTERACTION_CREATE", Ask("500000000000000020", "tok-after-ready", bot.Discord.ApplicationId, GuildOfShard1));
        await bot.Discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains("/tok-after-ready/", StringComparison.Ordinal), Generous);

        Assert.DoesNotContain(bot.Discord.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task AnAutomaticShardCountIdentifiesWithTheCountDiscordRecommends()
    {
        var (bot, sessions) = await StartShardAsync(2, "auto", arrange: discord => discord.RecommendedShards = 3);
        await using var _ = bot;

        Assert.Equal((2, 3), (sessions.IdentifyLog[0].Shard, sessions.IdentifyLog[0].ShardCount));
    }

    [Fact]
    public async Task ShardOneWaitsItsStartUpTurnInTheSharedBucketBeforeIdentifying()
    {
        FakeGatewaySessions sessions = null!;
        var started = DateTimeOffset.UtcNow;
        await using var bot = await BotHarness.StartAsync(
            arrange: discord => sessions = discord.KeepSessions(),
            settings: new Dictionary<string, string?> { ["Discord:ShardId"] = "1", ["Discord:ShardCount"] = "2" });

        await Eventually.UntilAsync(() => sessions.IdentifyLog.Count == 1, Generous);

        // max_concurrency 1: shards 0 and 1 share bucket 0, and shard 1 goes second, 5 s later. A lower bound only: a
        // loaded machine can make it later, never earlier.
        Assert.True(sessions.IdentifyLog[0].At - started >= TimeSpan.FromSeconds(5), $"identified after {sessions.IdentifyLog[0].At - started}");
        Assert.Contains(bot.Logs.Entries, e => e.EventId.Id == 1016 && e.Message.Contains("shard 1 (rate-limit bucket 0)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAutomaticCountBelowTheShardIdStopsTheBotNamingDiscordShardId()
    {
        await using var bot = await BotHarness.StartAsync(
            arrange: discord => discord.RecommendedShards = 2,
            settings: new Dictionary<string, string?> { ["Discord:ShardId"] = "2", ["Discord:ShardCount"] = "auto" });

        await Eventually.UntilAsync(() => bot.Status.FatalError is not null, Generous);

        Assert.Contains("Discord:ShardId is 2", bot.Status.FatalError, StringComparison.Ordinal);
        Assert.True(bot.Status.FatalIsConfiguration, "a shard id to fix is a configuration error: run exits 2");
        Assert.Empty(bot.Discord.Connections);
    }

    [Fact]
    public async Task AnExhaustedSessionBudgetHoldsIdentifyBackWithALogLineAndWithoutSpinning()
    {
        FakeGatewaySessions sessions = null!;
        await using var bot = await BotHarness.StartAsync(arrange: discord =>
        {
            sessions = discord.KeepSessions();
            discord.SessionStartRemaining = 0;
            // "None left, resets now": the bot still waits a window before asking again rather than looping.
            discord.SessionStartResetAfterMs = 0;
        });
        await Eventually.UntilAsync(() => bot.Logs.Entries.Any(e => e.EventId.Id == 1010), Generous);
        var lookups = bot.Discord.Requests.Count(r => r.Path == "/gateway/bot");

        bot.Discord.SessionStartRemaining = 5;
        await Eventually.UntilAsync(() => sessions.IdentifyLog.Count == 1, Generous);

        Assert.Equal(1, lookups);
        Assert.InRange(bot.Discord.Requests.Count(r => r.Path == "/gateway/bot"), 2, 3);
        Assert.Contains(bot.Logs.Entries, e => e.EventId.Id == 1010 && e.Message.Contains("session_start_limit", StringComparison.Ordinal));
    }

    // Every shard in a bucket of its own (max_concurrency 4), so no start-up turn is waited for; returns once it identified.
    private static async Task<(BotHarness Bot, FakeGatewaySessions Sessions)> StartShardAsync(
        int shardId, string shardCount, bool misroute = false, Action<FakeDiscordServer>? arrange = null)
    {
        FakeGatewaySessions sessions = null!;
        var bot = await BotHarness.StartAsync(
            arrange: discord =>
            {
                sessions = discord.KeepSessions();
                sessions.MisrouteToAllShards = misroute;
                discord.MaxConcurrency = 4;
                arrange?.Invoke(discord);
            },
            settings: new Dictionary<string, string?> { ["Discord:ShardId"] = shardId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Discord:ShardCount"] = shardCount });
        try
        {
            await Eventually.UntilAsync(() => sessions.IdentifyLog.Count == 1, Generous);
        }
        catch (TimeoutException)
        {
            await bot.DisposeAsync();
            throw;
        }

        return (bot, sessions);
    }

    private static JsonObject Ask(string id, string token, string applicationId, string guildId) =>
        FakeDiscordEvents.SlashCommand(id, token, applicationId, "ask", UserId, new Dictionary<string, string> { ["question"] = "What was agreed?" }, guildId: guildId);
}
