using Microsoft.Extensions.DependencyInjection;
using TalksBot.Discord.Rest;
using TalksBot.Discord.Tests.Fakes;
using TalksBot.Testing.FakeDiscord;

namespace TalksBot.Discord.Tests.Rest;

/// <summary>How the REST client behaves on Discord's 429s, against the fake Discord.</summary>
public sealed class TooManyRequestsTests
{
    private const string OtherChannelId = "300000000000000003";

    private static readonly Core.Answering.Citation Source = Answers.Citation(1, "001_a", "Talks open in Riyadh", "https://example.org/a", "The talks lasted four and a half hours.");

    private static bool IsTyping(RecordedRequest r) => r.Method == "POST" && r.Path.EndsWith("/typing", StringComparison.Ordinal);

    private static Func<RecordedRequest, bool> IsMessageCreateIn(string channelId) =>
        r => r.Method == "POST" && r.Path == $"/channels/{channelId}/messages";

    [Fact]
    public async Task TheRetryWaitsForRetryAfterEvenWhenAConcurrentRequestTaughtTheRouteItsBucket()
    {
        // The reply in the other channel goes first and its 429 is held back; meanwhile a reply in the main channel
        // teaches the client the route's bucket hash, so the retry queues on a bucket the 429 did not pause before the fix.
        var held = TimeSpan.FromMilliseconds(400);
        await using var bot = await BotHarness.StartAsync(
            async (request, ct) =>
            {
                if (request.Question.StartsWith("Later", StringComparison.Ordinal))
                {
                    await Task.Delay(150, ct);
                }

                return Answers.Cited(request.Question, "An answer [1].", Source);
            },
            arrange: d =>
            {
                d.Enqueue(ScriptedResponse.TooManyRequests(IsMessageCreateIn(OtherChannelId), 0.4, retryAfterHeaderSeconds: 1, bucket: "messagebucket", delay: held));
                d.Enqueue(new ScriptedResponse(IsMessageCreateIn(FakeDiscordEvents.ChannelId), 200, """{"id":"1"}""", new Dictionary<string, string>
                {
                    ["X-RateLimit-Limit"] = "5",
                    ["X-RateLimit-Remaining"] = "4",
                    ["X-RateLimit-Reset-After"] = "1",
                    ["X-RateLimit-Bucket"] = "messagebucket",
                }));
            });
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000101", "200000000000000001",
            $"<@{bot.Discord.BotUserId}> First?", channelId: OtherChannelId));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000102", "200000000000000002",
            $"<@{bot.Discord.BotUserId}> Later?"));
        var attempts = await bot.Discord.WaitForRequestsAsync(IsMessageCreateIn(OtherChannelId), 2);

        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        var sinceLimited = attempts[1].At - attempts[0].At;
        // A little under retry_after: timers may fire a few milliseconds early. Before the fix the retry came right after the hold.
        Assert.True(sinceLimited >= held + TimeSpan.FromSeconds(0.35), $"retried {sinceLimited} after the request that got 429 (held {held})");
    }

    [Fact]
    public async Task ASharedScope429IsWaitedOutButNotCountedAsOurInvalidRequest()
    {
        await using var bot = await BotHarness.StartAsync(arrange: d => d.Enqueue(ScriptedResponse.TooManyRequests(IsTyping, 0.3, scope: "shared")));
        await bot.ReadyAsync();
        var api = bot.Host.Services.GetRequiredService<DiscordApi>();

        await api.TriggerTypingAsync(OtherChannelId, TestContext.Current.CancellationToken);

        var attempts = bot.Discord.Requests.Where(IsTyping).ToList();
        Assert.Equal([429, 204], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(0.3), $"retried after {attempts[1].At - attempts[0].At}");
        Assert.Equal(0, bot.Host.Services.GetRequiredService<DiscordRestClient>().InvalidRequestCount);
    }

    [Fact]
    public async Task AUserScope429IsCountedAsOurInvalidRequest()
    {
        await using var bot = await BotHarness.StartAsync(arrange: d => d.Enqueue(ScriptedResponse.TooManyRequests(IsTyping, 0.1)));
        await bot.ReadyAsync();
        var api = bot.Host.Services.GetRequiredService<DiscordApi>();

        await api.TriggerTypingAsync(OtherChannelId, TestContext.Current.CancellationToken);

        Assert.Equal(1, bot.Host.Services.GetRequiredService<DiscordRestClient>().InvalidRequestCount);
    }

    [Fact]
    public async Task AGlobal429MarkedOnlyByItsHeaderPausesAnotherRoute()
    {
        var headerOnly = new ScriptedResponse(IsTyping, 429, """{"message":"You are being rate limited.","retry_after":0.5}""",
            new Dictionary<string, string> { ["Retry-After"] = "1", ["X-RateLimit-Global"] = "true", ["X-RateLimit-Scope"] = "global" });
        await using var bot = await BotHarness.StartAsync(arrange: d => d.Enqueue(headerOnly));
        await bot.ReadyAsync();
        var api = bot.Host.Services.GetRequiredService<DiscordApi>();

        var typing = api.TriggerTypingAsync(OtherChannelId, TestContext.Current.CancellationToken);
        // Once the client has read the 429: a request already past the global gate before then cannot be held back.
        await Eventually.UntilAsync(() => bot.Logs.Entries.Any(e => e.Message.Contains("(global: True)", StringComparison.Ordinal)));
        await api.CreateMessageAsync(FakeDiscordEvents.ChannelId, new MessagePayload("Hello"), TestContext.Current.CancellationToken);
        await typing;

        var limited = bot.Discord.Requests.First(r => r.Status == 429);
        var message = bot.Discord.Requests.First(IsMessageCreateIn(FakeDiscordEvents.ChannelId));
        Assert.True(message.At - limited.At >= TimeSpan.FromSeconds(0.5), $"message sent {message.At - limited.At} after the global 429");
    }
}
