using Microsoft.Extensions.DependencyInjection;
using TalksBot.Core.Analytics;
using TalksBot.Core.Answering;
using TalksBot.Discord.Tests.Fakes;
using TalksBot.Testing.FakeDiscord;

namespace TalksBot.Discord.Tests.Bot;

public sealed class MessageTests
{
    private const string UserId = "200000000000000001";

    private static readonly Citation Source = Answers.Citation(1, "001_a", "Talks open in Riyadh", "https://example.org/a", "The talks lasted four and a half hours.");

    private static bool IsMessageCreate(RecordedRequest r) => r.Method == "POST" && r.Path == $"/channels/{FakeDiscordEvents.ChannelId}/messages";

    private static string Mention(FakeDiscordServer discord, string text) => $"<@{discord.BotUserId}> {text}";

    [Fact]
    public async Task AMentionGetsAReplyThatReferencesTheMessageAndPingsNobody()
    {
        await using var bot = await BotHarness.StartAsync(Answers.After(TimeSpan.Zero, "Four and a half hours [1].", Source));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000001", UserId, Mention(bot.Discord, "How long did the talks last?"), mentionIds: [bot.Discord.BotUserId]));
        var reply = await bot.Discord.WaitForRequestAsync(IsMessageCreate);

        var reference = reply.Json.GetProperty("message_reference");
        Assert.Equal("800000000000000001", reference.GetProperty("message_id").GetString());
        Assert.False(reference.GetProperty("fail_if_not_exists").GetBoolean());
        Assert.True(BotHarness.PingsNobody(reply));
        Assert.Equal("How long did the talks last?", Assert.Single(bot.Ask.Requests).Question);
        Assert.Equal(AskChannel.Mention, Assert.Single(bot.Questions.Questions).Channel);
    }

    [Fact]
    public async Task TheLegacyNicknameMentionFormIsAnsweredToo()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000002", UserId, $"<@!{bot.Discord.BotUserId}> Who attended?"));
        await bot.Discord.WaitForRequestAsync(IsMessageCreate);

        Assert.Equal("Who attended?", Assert.Single(bot.Ask.Requests).Question);
    }

    [Fact]
    public async Task MentionsRolesChannelsAndEmojiAreNotPartOfTheQuestionAsked()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000009", UserId,
            Mention(bot.Discord, "who headed the Russian delegation? @everyone @here <@&555> <@!777> <#888> <:party:999>"),
            mentionIds: [bot.Discord.BotUserId]));
        await bot.Discord.WaitForRequestAsync(IsMessageCreate);

        Assert.Equal("who headed the Russian delegation?", Assert.Single(bot.Ask.Requests).Question);
    }

    [Fact]
    public async Task TwoMembersInOneChannelHaveTwoConversations()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();
        const string OtherUserId = "200000000000000002";

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000010", UserId, Mention(bot.Discord, "Who led the U.S. side?"), mentionIds: [bot.Discord.BotUserId]));
        await bot.Discord.WaitForRequestAsync(IsMessageCreate);
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000011", OtherUserId, Mention(bot.Discord, "and the Russian side?"), mentionIds: [bot.Discord.BotUserId]));
        await Eventually.UntilAsync(() => bot.Ask.Requests.Count == 2);
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000012", UserId, Mention(bot.Discord, "when?"), mentionIds: [bot.Discord.BotUserId]));
        await Eventually.UntilAsync(() => bot.Ask.Requests.Count == 3);

        var ids = bot.Ask.Requests.Select(r => r.ConversationId).ToList();
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(ids[0], ids[2]);
    }

    [Fact]
    public async Task AFollowUpAfterTheIdleWindowIsAnsweredOnItsOwn()
    {
        var clock = new ManualTimeProvider();
        await using var bot = await BotHarness.StartAsync(
            settings: new Dictionary<string, string?> { ["Discord:ConversationIdleMinutes"] = "30" },
            configure: services => services.AddSingleton<TimeProvider>(clock));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000020", UserId, Mention(bot.Discord, "Who led the U.S. side?"), mentionIds: [bot.Discord.BotUserId]));
        await bot.Discord.WaitForRequestAsync(IsMessageCreate);
        clock.Advance(TimeSpan.FromMinutes(29));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000021", UserId, Mention(bot.Discord, "and why?"), mentionIds: [bot.Discord.BotUserId]));
        await bot.Discord.WaitForRequestsAsync(IsMessageCreate, 2);
        clock.Advance(TimeSpan.FromMinutes(31));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000022", UserId, Mention(bot.Discord, "and when?"), mentionIds: [bot.Discord.BotUserId]));
        await bot.Discord.WaitForRequestsAsync(IsMessageCreate, 3);

        var ids = bot.Ask.Requests.Select(r => r.ConversationId).ToList();
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[1], ids[2]);
    }

    [Fact]
    public async Task AQuestionContainingEveryoneCannotPing()
    {
        await using var bot = await BotHarness.StartAsync((request, _) => Task.FromResult(Answers.Cited(request.Question, $"You asked: {request.Question}", Source)));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000003", UserId, Mention(bot.Discord, "@everyone @here <@&123> what happened?")));
        var reply = await bot.Discord.WaitForRequestAsync(IsMessageCreate);

        Assert.True(BotHarness.PingsNobody(reply));
        var content = reply.Json.GetProperty("content").GetString()!;
        Assert.DoesNotContain("@everyone", content, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADirectMessageIsAnsweredWithoutAMention()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000004", UserId, "What was agreed?", guildId: null));
        await bot.Discord.WaitForRequestAsync(IsMessageCreate);

        Assert.Equal(AskChannel.DirectMessage, Assert.Single(bot.Questions.Questions).Channel);
    }

    [Fact]
    public async Task AMembersFollowUpsInAThreadShareTheirConversation()
    {
        const string thread = "310000000000000001";
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000005", UserId, Mention(bot.Discord, "Who met?"), channelId: thread));
        await bot.Discord.WaitForRequestAsync(r => r.Path == $"/channels/{thread}/messages");
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000006", UserId, Mention(bot.Discord, "Where?"), channelId: thread));
        await bot.Discord.WaitForRequestsAsync(r => r.Path == $"/channels/{thread}/messages", 2);

        Assert.Single(bot.Ask.Requests.Select(r => r.ConversationId).Distinct());
        Assert.All(bot.Ask.Requests, r => Assert.StartsWith($"{thread}/{UserId}/", r.ConversationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMessageWithoutAMentionIsIgnored()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000007", UserId, "just chatting"));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000008", UserId, Mention(bot.Discord, "Real question?")));
        await bot.Discord.WaitForRequestAsync(IsMessageCreate);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.Equal("Real question?", Assert.Single(bot.Ask.Requests).Question);
    }

    [Fact]
    public async Task OwnBotAndWebhookMessagesAreIgnored()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000009", bot.Discord.BotUserId, Mention(bot.Discord, "own?")));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000010", "200000000000000077", Mention(bot.Discord, "other bot?"), authorIsBot: true));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000011", "200000000000000078", Mention(bot.Discord, "webhook?"), webhookId: "900000000000000001"));
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000012", UserId, Mention(bot.Discord, "human?")));
        await bot.Discord.WaitForRequestAsync(IsMessageCreate);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.Equal("human?", Assert.Single(bot.Ask.Requests).Question);
        Assert.Single(bot.Discord.Requests, IsMessageCreate);
    }

    [Fact]
    public async Task TheTypingIndicatorIsResentWhileALongAnswerIsWorkedOn()
    {
        await using var bot = await BotHarness.StartAsync(Answers.After(TimeSpan.FromMilliseconds(700), "Slow answer [1].", Source));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000013", UserId, Mention(bot.Discord, "Slow?")));
        var reply = await bot.Discord.WaitForRequestAsync(IsMessageCreate);

        var typing = bot.Discord.Requests.Where(r => r.Path == $"/channels/{FakeDiscordEvents.ChannelId}/typing").ToList();
        Assert.True(typing.Count >= 2, $"typing sent {typing.Count} time(s)");
        Assert.All(typing, t => Assert.True(t.At < reply.At));
    }

    [Fact]
    public async Task ARateLimitedReplyWaitsRetriesOnceAndIsPostedExactlyOnce()
    {
        await using var bot = await BotHarness.StartAsync(arrange: d => d.Enqueue(ScriptedResponse.TooManyRequests(IsMessageCreate, 0.3)));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000014", UserId, Mention(bot.Discord, "Again?")));
        var attempts = await bot.Discord.WaitForRequestsAsync(IsMessageCreate, 2);
        await Task.Delay(500, TestContext.Current.CancellationToken);

        attempts = [.. bot.Discord.Requests.Where(IsMessageCreate)];
        Assert.Equal([429, 200], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(250), $"retried after {attempts[1].At - attempts[0].At}");
        Assert.Equal(attempts[0].Json.GetProperty("nonce").GetString(), attempts[1].Json.GetProperty("nonce").GetString());
        Assert.True(attempts[1].Json.GetProperty("enforce_nonce").GetBoolean());
    }

    [Fact]
    public async Task AGlobal429PausesEveryRoute()
    {
        static bool IsTyping(RecordedRequest r) => r.Path.EndsWith("/typing", StringComparison.Ordinal);
        await using var bot = await BotHarness.StartAsync(
            Answers.After(TimeSpan.FromMilliseconds(300), "Paused [1].", Source),
            arrange: d => d.Enqueue(ScriptedResponse.TooManyRequests(IsTyping, 0.6, global: true)));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000019", UserId, Mention(bot.Discord, "Global?")));
        var reply = await bot.Discord.WaitForRequestAsync(IsMessageCreate);

        var limited = bot.Discord.Requests.First(r => r.Status == 429);
        Assert.True(reply.At - limited.At >= TimeSpan.FromMilliseconds(500), $"message sent {reply.At - limited.At} after the global 429");
    }

    [Fact]
    public async Task AnExhaustedBucketHoldsTheNextMessageUntilItResets()
    {
        var text = string.Join(' ', Enumerable.Repeat("A sentence long enough to fill a message when it is repeated many times.", 40));
        await using var bot = await BotHarness.StartAsync(
            (request, _) => Task.FromResult(Answers.Cited(request.Question, text, Source)),
            arrange: d => d.Enqueue(new ScriptedResponse(IsMessageCreate, 200, """{"id":"1"}""", new Dictionary<string, string>
            {
                ["X-RateLimit-Limit"] = "5",
                ["X-RateLimit-Remaining"] = "0",
                ["X-RateLimit-Reset-After"] = "0.4",
                ["X-RateLimit-Bucket"] = "fakebucket1",
            })));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000018", UserId, Mention(bot.Discord, "Long?")));
        var parts = await bot.Discord.WaitForRequestsAsync(IsMessageCreate, 2);

        Assert.True(parts[1].At - parts[0].At >= TimeSpan.FromMilliseconds(350), $"second message after {parts[1].At - parts[0].At}");
    }

    [Fact]
    public async Task AnAnswerLongerThanAMessageIsSplitAtSentencesWithinLimits()
    {
        var sentences = Enumerable.Range(1, 60).Select(i => $"Sentence number {i} says something about the talks in some detail.").ToList();
        var text = string.Join(' ', sentences);
        await using var bot = await BotHarness.StartAsync((request, _) => Task.FromResult(Answers.Cited(request.Question, text, Source)));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000015", UserId, Mention(bot.Discord, "Tell me everything?")));
        var parts = await bot.Discord.WaitForRequestsAsync(IsMessageCreate, 3);

        var contents = parts.Select(p => p.Json.GetProperty("content").GetString()!).ToList();
        Assert.All(contents, c => Assert.InRange(c.Length, 1, 2000));
        Assert.All(parts, p => Assert.True(BotHarness.PingsNobody(p)));
        Assert.EndsWith("detail.", contents[0], StringComparison.Ordinal);
        Assert.All(sentences, s => Assert.Contains(s, string.Join(' ', contents), StringComparison.Ordinal));
        Assert.True(parts[0].Json.TryGetProperty("message_reference", out _));
    }

    [Fact]
    public async Task AUserOverTheLimitIsToldPolitely()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:QuestionsPerMinute"] = "1" });
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000016", UserId, Mention(bot.Discord, "One?")));
        await bot.Discord.WaitForRequestAsync(IsMessageCreate);
        await gateway.SendDispatchAsync("MESSAGE_CREATE", FakeDiscordEvents.Message("800000000000000017", UserId, Mention(bot.Discord, "Two?")));
        var replies = await bot.Discord.WaitForRequestsAsync(IsMessageCreate, 2);

        Assert.Single(bot.Ask.Requests);
        Assert.Contains("1 question a minute", replies[1].Json.GetProperty("content").GetString(), StringComparison.Ordinal);
    }
}
