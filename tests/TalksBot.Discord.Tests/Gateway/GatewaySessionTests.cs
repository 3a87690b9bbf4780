using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalksBot.Testing.FakeDiscord;

namespace TalksBot.Discord.Tests.Gateway;

public sealed class GatewaySessionTests
{
    [Fact]
    public async Task IdentifyCarriesTheTokenTheIntentsAndTheShard()
    {
        await using var bot = await BotHarness.StartAsync();

        var identify = (await (await bot.Discord.WaitForConnectionAsync()).WaitForPayloadAsync(2)).GetProperty("d");

        Assert.Equal(BotHarness.Token, identify.GetProperty("token").GetString());
        Assert.Equal(1 | 512 | 4096, identify.GetProperty("intents").GetInt32());
        Assert.Equal([0, 1], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task IdentifyAsksForMessageContentOnlyWhenAutoReplyChannelsAreConfigured()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:AutoReplyChannelIds:0"] = "300000000000000002" });

        var identify = (await (await bot.Discord.WaitForConnectionAsync()).WaitForPayloadAsync(2)).GetProperty("d");

        Assert.Equal(1 | 512 | 4096 | 32768, identify.GetProperty("intents").GetInt32());
    }

    [Fact]
    public async Task ConnectsToTheUrlFromGatewayBotWithVersionAndEncoding()
    {
        await using var bot = await BotHarness.StartAsync();

        var connection = await bot.Discord.WaitForConnectionAsync();

        Assert.Equal("/gateway?v=10&encoding=json", connection.PathAndQuery);
        Assert.Contains(bot.Discord.Requests, r => r.Method == "GET" && r.Path == "/gateway/bot" && r.Header("Authorization") == "Bot " + BotHarness.Token);
    }

    [Fact]
    public async Task HeartbeatsAtTheIntervalTheServerSetsWithTheLastSequence()
    {
        await using var bot = await BotHarness.StartAsync(arrange: d => d.HeartbeatIntervalMs = 300);
        var connection = await bot.ReadyAsync();

        var fourth = await connection.WaitForPayloadAsync(1, count: 4);

        var times = connection.ArrivalTimes(1);
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalMilliseconds).Skip(1).ToList();
        Assert.All(gaps, gap => Assert.InRange(gap, 150, 900));
        Assert.Equal(1, fourth.GetProperty("d").GetInt64());
    }

    [Fact]
    public async Task AMissedAckMakesTheBotDropTheSocketAndResumeWithTheLastSequence()
    {
        await using var bot = await BotHarness.StartAsync(arrange: d => d.HeartbeatIntervalMs = 200);
        var first = await bot.ReadyAsync();
        await first.SendDispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = FakeDiscordEvents.GuildId });
        await first.SendDispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "300000000000000009" });
        await first.WaitForPayloadAsync(1, count: 2);

        bot.Discord.AckHeartbeats = false;
        var second = await bot.Discord.WaitForConnectionAsync(1);
        bot.Discord.AckHeartbeats = true;
        var resume = (await second.WaitForPayloadAsync(6)).GetProperty("d");

        Assert.Equal("/resume-gateway?v=10&encoding=json", second.PathAndQuery);
        Assert.Equal(bot.Discord.SessionId, resume.GetProperty("session_id").GetString());
        Assert.Equal(3, resume.GetProperty("seq").GetInt64());
        Assert.Equal(BotHarness.Token, resume.GetProperty("token").GetString());
        Assert.NotEqual(1000, await first.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        Assert.Empty(second.PayloadsWithOp(2));
    }

    [Fact]
    public async Task AReconnectRequestMakesTheBotResume()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = await bot.ReadyAsync();

        await first.SendReconnectAsync();
        var second = await bot.Discord.WaitForConnectionAsync(1);
        var resume = await second.WaitForPayloadAsync(6);

        Assert.StartsWith("/resume-gateway?", second.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(1, resume.GetProperty("d").GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task ANonResumableInvalidSessionMakesTheBotIdentifyAgain()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = await bot.ReadyAsync();

        await first.SendInvalidSessionAsync(resumable: false);
        var second = await bot.Discord.WaitForConnectionAsync(1);
        await second.WaitForPayloadAsync(2);

        Assert.StartsWith("/gateway?", second.PathAndQuery, StringComparison.Ordinal);
        Assert.Empty(second.PayloadsWithOp(6));
    }

    [Fact]
    public async Task AfterAnInvalidatedSessionTheBotIdentifiesAgainNoSoonerThanFiveSecondsAfterItsLastIdentify()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = await bot.ReadyAsync();

        await first.SendInvalidSessionAsync(resumable: false);
        var second = await bot.Discord.WaitForConnectionAsync(1);
        await second.WaitForPayloadAsync(2);

        // Discord allows one Identify per 5 s (max_concurrency 1); the harness's invalid-session delay alone is 50-100 ms.
        // 0.1 s of slack: the fake stamps a payload once parsed, the first one in a cold process late.
        var gap = second.ArrivalTimes(2)[0] - first.ArrivalTimes(2)[0];
        Assert.True(gap >= TimeSpan.FromSeconds(4.9), $"Identified again after {gap}");
    }

    [Fact]
    public async Task AResumableInvalidSessionMakesTheBotResume()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = await bot.ReadyAsync();

        await first.SendInvalidSessionAsync(resumable: true);
        var second = await bot.Discord.WaitForConnectionAsync(1);
        await second.WaitForPayloadAsync(6);

        Assert.Empty(second.PayloadsWithOp(2));
    }

    [Fact]
    public async Task AResumableCloseCodeMakesTheBotResume()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = await bot.ReadyAsync();

        await first.CloseAsync(4000, "Unknown error");
        var second = await bot.Discord.WaitForConnectionAsync(1);

        await second.WaitForPayloadAsync(6);
    }

    [Fact]
    public async Task AnAbruptDropWithoutACloseFrameIsResumed()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = await bot.ReadyAsync();

        first.Abort();
        var second = await bot.Discord.WaitForConnectionAsync(1);

        await second.WaitForPayloadAsync(6);
    }

    [Fact]
    public async Task ATokenRejectedAtGatewayLookupStopsTheBotWithoutConnecting()
    {
        await using var bot = await BotHarness.StartAsync(arrange: d => d.Enqueue(new ScriptedResponse(r => r.Path == "/gateway/bot", 401, """{"message":"401: Unauthorized","code":0}""")));

        await Eventually.UntilAsync(() => bot.Status.FatalError is not null);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.Contains("Discord:Token", bot.Status.FatalError, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.Connections);
        Assert.Single(bot.Discord.Requests, r => r.Path == "/gateway/bot");
    }

    [Fact]
    public async Task ASessionThatKeepsFailingToResumeFallsBackToIdentify()
    {
        await using var bot = await BotHarness.StartAsync(arrange: d => d.FailResumes = true);
        var first = await bot.ReadyAsync();

        await first.SendReconnectAsync();
        var afterResumes = await bot.Discord.WaitForConnectionAsync(4);
        await afterResumes.WaitForPayloadAsync(2);

        var resumeAttempts = bot.Discord.Connections.Take(4).Skip(1).ToList();
        Assert.All(resumeAttempts, c => Assert.StartsWith("/resume-gateway?", c.PathAndQuery, StringComparison.Ordinal));
        Assert.StartsWith("/gateway?", afterResumes.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthenticationFailedStopsTheBotWithAPlainMessageAndNoRetry()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = await bot.ReadyAsync();

        await first.CloseAsync(4004, "Authentication failed.");
        var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();
        await Eventually.UntilAsync(() => lifetime.ApplicationStopping.IsCancellationRequested);
        await Task.Delay(500, TestContext.Current.CancellationToken);

        Assert.Contains("Discord:Token", bot.Status.FatalError, StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Critical && e.Message.Contains("Reset Token", StringComparison.Ordinal));
        Assert.Single(bot.Discord.Connections);
        Assert.DoesNotContain(BotHarness.Token, bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisallowedIntentsStopTheBotNamingThePortalSwitch()
    {
        await using var bot = await BotHarness.StartAsync();
        var first = await bot.ReadyAsync();

        await first.CloseAsync(4014, "Disallowed intent(s).");
        await Eventually.UntilAsync(() => bot.Status.FatalError is not null);

        Assert.Contains("Message Content Intent", bot.Status.FatalError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoppingTheHostClosesTheSocketWith1000()
    {
        var bot = await BotHarness.StartAsync();
        await using (bot)
        {
            var connection = await bot.ReadyAsync();

            await bot.Host.StopAsync(TestContext.Current.CancellationToken);

            Assert.Equal(1000, await connection.Closed.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken));
        }
    }
}
