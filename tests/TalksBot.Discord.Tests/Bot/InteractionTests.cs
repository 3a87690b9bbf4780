using Microsoft.Extensions.DependencyInjection;
using TalksBot.Core.Analytics;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Discord.Tests.Fakes;
using TalksBot.Testing.FakeDiscord;

namespace TalksBot.Discord.Tests.Bot;

public sealed class InteractionTests
{
    private const string UserId = "200000000000000001";
    private const string ModeratorRoleId = "600000000000000001";

    private static readonly Dictionary<string, string?> ModeratorRoleSetting = new() { ["Discord:ModeratorRoleIds:0"] = ModeratorRoleId };

    private static readonly Citation Riyadh = Answers.Citation(1, "003_riyadh", "Talks in Riyadh end with a plan", "https://example.org/riyadh", "Both delegations agreed to restore embassy staffing.");

    [Fact]
    public async Task AskIsDeferredWithinOneSecondThenAnsweredWithTheCitation()
    {
        await using var bot = await BotHarness.StartAsync(Answers.After(TimeSpan.FromSeconds(1.5), "They agreed to restore embassy staffing [1].", Riyadh));
        var gateway = await bot.ReadyAsync();

        var sentAt = DateTimeOffset.UtcNow;
        await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand("500000000000000001", "tok1", bot.Discord.ApplicationId, "ask", UserId,
            new Dictionary<string, string> { ["question"] = "What did they agree?" }));
        var callback = await bot.CallbackFor("500000000000000001");
        var edit = await bot.Discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == $"/webhooks/{bot.Discord.ApplicationId}/tok1/messages/@original");

        Assert.Equal(5, BotHarness.CallbackType(callback));
        Assert.True(callback.At - sentAt < TimeSpan.FromSeconds(1), $"deferred after {callback.At - sentAt}");
        Assert.True(edit.At > callback.At);
        var content = edit.Json.GetProperty("content").GetString()!;
        Assert.StartsWith("They agreed to restore embassy staffing [1].", content, StringComparison.Ordinal);
        Assert.Contains("[Talks in Riyadh end with a plan](<https://example.org/riyadh>)", content, StringComparison.Ordinal);
        Assert.Contains("> Both delegations agreed to restore embassy staffing.", content, StringComparison.Ordinal);
        Assert.True(BotHarness.PingsNobody(edit));
    }

    [Fact]
    public async Task AnAnswerIsRecordedAsACommandQuestionAndItsButtonsCarryItsId()
    {
        await using var bot = await BotHarness.StartAsync(Answers.After(TimeSpan.Zero, "An answer [1].", Riyadh));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand("500000000000000002", "tok2", bot.Discord.ApplicationId, "ask", UserId,
            new Dictionary<string, string> { ["question"] = "What happened?" }));
        var edit = await bot.Discord.WaitForRequestAsync(r => r.Method == "PATCH");

        var recorded = Assert.Single(bot.Questions.Questions);
        Assert.Equal(AskChannel.Command, recorded.Channel);
        Assert.Equal(UserId, recorded.UserId);
        Assert.Equal("What happened?", recorded.Question);
        var buttons = edit.Json.GetProperty("components")[0].GetProperty("components").EnumerateArray()
            .Select(b => b.GetProperty("custom_id").GetString()).ToList();
        Assert.Equal([$"fb:up:{recorded.Id}", $"fb:down:{recorded.Id}"], buttons);
    }

    [Fact]
    public async Task TheConversationIsTheMembersInTheChannel()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand("500000000000000003", "tok3", bot.Discord.ApplicationId, "ask", UserId,
            new Dictionary<string, string> { ["question"] = "And then?" }));
        await bot.Discord.WaitForRequestAsync(r => r.Method == "PATCH");

        Assert.StartsWith($"{FakeDiscordEvents.ChannelId}/{UserId}/", Assert.Single(bot.Ask.Requests).ConversationId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheMessageCommandAsksAboutTheSelectedMessage()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.MessageCommand("500000000000000004", "tok4", bot.Discord.ApplicationId, "Ask TalksBot", UserId,
            "600000000000000001", "Is it true the sanctions were lifted?"));
        var callback = await bot.CallbackFor("500000000000000004");
        await bot.Discord.WaitForRequestAsync(r => r.Method == "PATCH");

        Assert.Equal(5, BotHarness.CallbackType(callback));
        Assert.Equal("Is it true the sanctions were lifted?", Assert.Single(bot.Ask.Requests).Question);
    }

    [Fact]
    public async Task SourcesListsTheArticlesWithDatesAndLinks()
    {
        ArticleInfo[] articles =
        [
            new("001_a", "Lavrov and Rubio meet in Riyadh", "https://example.org/a", new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero), null),
            new("002_b", "Kyiv was not invited", null, null, null),
        ];
        await using var bot = await BotHarness.StartAsync(articles: articles);
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand("500000000000000005", "tok5", bot.Discord.ApplicationId, "sources", UserId));
        var edit = await bot.Discord.WaitForRequestAsync(r => r.Method == "PATCH");

        var content = edit.Json.GetProperty("content").GetString()!;
        Assert.Contains("1. [Lavrov and Rubio meet in Riyadh](<https://example.org/a>) · 18 Feb 2025", content, StringComparison.Ordinal);
        Assert.Contains("2. Kyiv was not invited", content, StringComparison.Ordinal);
        Assert.Empty(bot.Ask.Requests);
    }

    [Fact]
    public async Task CommandsAreBulkOverwrittenOnReadyInEachConfiguredGuild()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:GuildIds:0"] = "700000000000000001" });

        var put = await bot.Discord.WaitForRequestAsync(r => r.Method == "PUT");

        Assert.Equal($"/applications/{bot.Discord.ApplicationId}/guilds/700000000000000001/commands", put.Path);
        var commands = put.Json.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(500, commands["ask"].GetProperty("options")[0].GetProperty("max_length").GetInt32());
        Assert.Equal(3, commands["Ask TalksBot"].GetProperty("type").GetInt32());
        Assert.True(commands.ContainsKey("sources"));
    }

    [Fact]
    public async Task AUserOverTheLimitGetsAnEphemeralReply()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["Discord:QuestionsPerMinute"] = "2" });
        var gateway = await bot.ReadyAsync();

        for (var i = 1; i <= 3; i++)
        {
            await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand($"51000000000000000{i}", $"lim{i}", bot.Discord.ApplicationId, "ask", UserId,
                new Dictionary<string, string> { ["question"] = $"Question {i}?" }));
        }

        var callbacks = await bot.Discord.WaitForRequestsAsync(r => r.Path.StartsWith("/interactions/51", StringComparison.Ordinal), 3);

        Assert.Equal(2, callbacks.Count(c => BotHarness.CallbackType(c) == 5));
        var refusal = Assert.Single(callbacks, c => BotHarness.CallbackType(c) == 4);
        Assert.Equal(64, refusal.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("2 questions a minute", refusal.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFeedbackClickIsAcknowledgedAndTheVoteRecorded()
    {
        await using var bot = await BotHarness.StartAsync();
        var gateway = await bot.ReadyAsync();
        var questionId = Guid.NewGuid();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.ButtonClick("520000000000000001", "fb1", bot.Discord.ApplicationId, $"fb:down:{questionId}", UserId));
        var callback = await bot.CallbackFor("520000000000000001");
        await Eventually.UntilAsync(() => !bot.Questions.Votes.IsEmpty);

        Assert.Equal(6, BotHarness.CallbackType(callback));
        Assert.Equal((questionId, UserId, FeedbackVote.Down), Assert.Single(bot.Questions.Votes));
    }

    [Fact]
    public async Task AModeratorCommandIsRefusedToAMemberWithoutThePermission()
    {
        var moderator = new FakeModeratorCommand();
        await using var bot = await BotHarness.StartAsync(configure: services => services.AddSingleton<Commands.IBotCommand>(moderator));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand("530000000000000001", "mod1", bot.Discord.ApplicationId, "refresh", UserId, permissions: "0"));
        var callback = await bot.CallbackFor("530000000000000001");

        Assert.Equal(4, BotHarness.CallbackType(callback));
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(0, moderator.Runs);
    }

    [Fact]
    public async Task AMemberWithAConfiguredModeratorRoleButNoPermissionsIsLetThroughToAModeratorCommand()
    {
        var moderator = new FakeModeratorCommand();
        await using var bot = await BotHarness.StartAsync(settings: ModeratorRoleSetting, configure: services => services.AddSingleton<Commands.IBotCommand>(moderator));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand("530000000000000003", "mod3", bot.Discord.ApplicationId, "refresh", UserId,
            permissions: "0", roleIds: ["600000000000000009", ModeratorRoleId]));
        var callback = await bot.CallbackFor("530000000000000003");
        await bot.Discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains("/mod3/", StringComparison.Ordinal));

        Assert.Equal(5, BotHarness.CallbackType(callback));
        Assert.Equal(1, moderator.Runs);
    }

    [Fact]
    public async Task AMemberWithoutAConfiguredModeratorRoleOrThePermissionIsRefusedPrivately()
    {
        var moderator = new FakeModeratorCommand();
        await using var bot = await BotHarness.StartAsync(settings: ModeratorRoleSetting, configure: services => services.AddSingleton<Commands.IBotCommand>(moderator));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand("530000000000000004", "mod4", bot.Discord.ApplicationId, "refresh", UserId,
            permissions: "0", roleIds: ["600000000000000009"]));
        var callback = await bot.CallbackFor("530000000000000004");

        Assert.Equal(4, BotHarness.CallbackType(callback));
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal(0, moderator.Runs);
    }

    [Fact]
    public async Task AnAddedCommandIsRegisteredAndHandled()
    {
        var moderator = new FakeModeratorCommand();
        await using var bot = await BotHarness.StartAsync(configure: services => services.AddSingleton<Commands.IBotCommand>(moderator));
        var gateway = await bot.ReadyAsync();

        await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand("530000000000000002", "mod2", bot.Discord.ApplicationId, "refresh", UserId,
            new Dictionary<string, string> { ["scope"] = "all" }, permissions: "32"));
        var callback = await bot.CallbackFor("530000000000000002");
        var edit = await bot.Discord.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.Contains("/mod2/", StringComparison.Ordinal));

        var put = bot.Discord.Requests.First(r => r.Method == "PUT");
        var refresh = put.Json.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "refresh");
        Assert.Equal("32", refresh.GetProperty("default_member_permissions").GetString());
        Assert.Equal(64, callback.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Equal("Refreshed by 200000000000000001 (all).", edit.Json.GetProperty("content").GetString());
    }

    [Fact]
    public async Task AHundredInteractionsAreAllDeferredWithinThreeSecondsAndAnswered()
    {
        await using var bot = await BotHarness.StartAsync(Answers.After(TimeSpan.FromMilliseconds(300), "An answer [1].", Riyadh));
        var gateway = await bot.ReadyAsync();

        var sentAt = new Dictionary<string, DateTimeOffset>();
        for (var i = 0; i < 100; i++)
        {
            var id = $"54{i:D16}";
            sentAt[id] = DateTimeOffset.UtcNow;
            await gateway.SendDispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand(id, $"many{i}", bot.Discord.ApplicationId, "ask", $"21{i:D16}",
                new Dictionary<string, string> { ["question"] = $"Question {i}?" }));
        }

        var callbacks = await bot.Discord.WaitForRequestsAsync(r => r.Path.StartsWith("/interactions/54", StringComparison.Ordinal), 100, TimeSpan.FromSeconds(10));
        await bot.Discord.WaitForRequestsAsync(r => r.Method == "PATCH" && r.Path.Contains("/many", StringComparison.Ordinal), 100, TimeSpan.FromSeconds(20));

        Assert.All(callbacks, c => Assert.Equal(5, BotHarness.CallbackType(c)));
        var slowest = callbacks.Max(c => c.At - sentAt[c.Path.Split('/')[2]]);
        TestContext.Current.TestOutputHelper?.WriteLine($"slowest of 100 deferrals: {slowest.TotalMilliseconds:F0} ms");
        Assert.True(slowest < TimeSpan.FromSeconds(3), $"slowest deferral took {slowest}");
    }

    private sealed class FakeModeratorCommand : Commands.IBotCommand
    {
        private int _runs;

        public int Runs => _runs;

        public Commands.ApplicationCommandDefinition Definition { get; } = new("refresh", "Re-index the articles", DefaultMemberPermissions: "32", Contexts: [0]);

        public bool Ephemeral => true;

        public async Task HandleAsync(Commands.InteractionContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _runs);
            await context.EditOriginalAsync($"Refreshed by {context.UserId} ({context.GetOption("scope")}).", cancellationToken);
        }
    }
}
