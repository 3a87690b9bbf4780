using TalksBot.Core.Analytics;
using TalksBot.Indexing;
using TalksBot.Qdrant.Index;
using TalksBot.Testing.FakeOpenAi;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

/// <summary>The bot as <c>talksbot run</c> builds it, over the real Qdrant, driven through a fake Discord.</summary>
public sealed class DiscordModeratorCommandTests(QdrantFixture qdrant)
{
    private const string Member = "200000000000000011";
    private const string Moderator = "200000000000000022";
    private const string ManageServer = "32";
    private const string NoPermissions = "0";

    [Fact]
    public async Task AskAnswersOverTheRealIndexAndCitesTheArticleTheAnswerRestsOn()
    {
        await using var app = await DiscordBotApp.StartAsync(qdrant);
        var cited = (await app.Get<ArticleSetService>().ListAsync(TestContext.Current.CancellationToken))
            .Single(a => a.Id == "003_0e4da796d2592ec8");

        var ask = await app.SendCommandAsync("ask", Member, NoPermissions, options: new Dictionary<string, string> { ["question"] = "Who led the U.S. delegation?" });
        var deferral = await app.CallbackAsync(ask);
        var reply = await app.ReplyAsync(ask);

        Assert.Equal(5, deferral.Json.GetProperty("type").GetInt32());
        var sources = reply.IndexOf("**Sources**", StringComparison.Ordinal);
        Assert.True(sources > 0, reply);
        Assert.Contains("Rubio", reply[..sources], StringComparison.Ordinal);
        Assert.Contains(cited.Title, reply[sources..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberWithoutManageServerIsRefusedRefreshPrivatelyAndNothingChanges()
    {
        await using var app = await DiscordBotApp.StartAsync(qdrant);
        var ct = TestContext.Current.CancellationToken;
        var servingBefore = (await app.Get<PassageIndexWriter>().GetServingManifestAsync(ct))?.Collection;
        var auditBefore = await app.Get<IAuditLog>().ListAsync(100, ct);

        var refresh = await app.SendCommandAsync("refresh", Member, NoPermissions, subcommand: "run");
        var callback = await app.CallbackAsync(refresh);

        Assert.Equal(4, callback.Json.GetProperty("type").GetInt32());
        Assert.True(DiscordBotApp.IsEphemeral(callback.Json), callback.Body);
        Assert.Contains("permission", callback.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(servingBefore);
        Assert.Equal(servingBefore, (await app.Get<PassageIndexWriter>().GetServingManifestAsync(ct))?.Collection);
        Assert.Equal(auditBefore.Count, (await app.Get<IAuditLog>().ListAsync(100, ct)).Count);
    }

    [Fact]
    public async Task AModeratorsArticlesListShowsEverySeedArticlePrivately()
    {
        await using var app = await DiscordBotApp.StartAsync(qdrant);

        var list = await app.SendCommandAsync("articles", Moderator, ManageServer, subcommand: "list");
        var deferral = await app.CallbackAsync(list);
        var reply = await app.ReplyAsync(list);

        Assert.True(DiscordBotApp.IsEphemeral(deferral.Json), deferral.Body);
        foreach (var id in new[] { "000_d95e6bfe9de103e0", "001_b9eb4489ecf82cc8", "002_afd850a30078c760", "003_0e4da796d2592ec8" })
            Assert.Contains($"`{id}`", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMemberWithAConfiguredModeratorRoleButNoPermissionsGetsTheArticlesList()
    {
        const string ModeratorRole = "600000000000000001";
        await using var app = await DiscordBotApp.StartAsync(qdrant, $"Discord:ModeratorRoleIds:0={ModeratorRole}");

        var list = await app.SendCommandAsync("articles", Member, NoPermissions, subcommand: "list", roleIds: [ModeratorRole]);
        var deferral = await app.CallbackAsync(list);
        var reply = await app.ReplyAsync(list);

        Assert.True(DiscordBotApp.IsEphemeral(deferral.Json), deferral.Body);
        Assert.Contains("`000_d95e6bfe9de103e0`", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModeratorsStatsCountTheQuestionsPrivatelyWithoutSayingWhoAsked()
    {
        await using var app = await DiscordBotApp.StartAsync(qdrant);
        var ask = await app.SendCommandAsync("ask", Member, NoPermissions, options: new Dictionary<string, string> { ["question"] = "Who led the U.S. delegation?" });
        await app.ReplyAsync(ask);

        var stats = await app.SendCommandAsync("stats", Moderator, ManageServer);
        var deferral = await app.CallbackAsync(stats);
        var reply = await app.ReplyAsync(stats);

        Assert.True(DiscordBotApp.IsEphemeral(deferral.Json), deferral.Body);
        Assert.Contains("Questions: 1 ", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(Member, reply, StringComparison.Ordinal);
        Assert.DoesNotContain(Moderator, reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheModeratorCommandsAreRegisteredForManageServerInGuildsOnly()
    {
        await using var app = await DiscordBotApp.StartAsync(qdrant);

        var registered = await app.Discord.WaitForRequestAsync(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal));

        var byName = registered.Json.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        foreach (var name in new[] { "articles", "refresh", "stats" })
        {
            Assert.Equal(ManageServer, byName[name].GetProperty("default_member_permissions").GetString());
            Assert.Equal([0], byName[name].GetProperty("contexts").EnumerateArray().Select(c => c.GetInt32()));
        }
    }

    [Fact]
    public async Task AModeratorCannotAddALocalFileFromDiscord()
    {
        await using var app = await DiscordBotApp.StartAsync(qdrant);
        var ct = TestContext.Current.CancellationToken;
        var localFile = Path.Combine(QdrantInstallation.RepositoryRoot, "README.md");

        var add = await app.SendCommandAsync("articles", Moderator, ManageServer, subcommand: "add", options: new Dictionary<string, string> { ["url"] = localFile });
        var reply = await app.ReplyAsync(add);

        Assert.Contains("web address", reply, StringComparison.Ordinal);
        Assert.Equal(4, (await app.Get<ArticleSetService>().ListAsync(ct)).Count);
        Assert.DoesNotContain(await app.Get<IAuditLog>().ListAsync(100, ct), e => e.Action == "add");
    }

    [Fact]
    public async Task AModeratorsRefreshWhileOneRunsSaysSoWithItsProgress()
    {
        // No folder watcher: the only refresh running is the one this test holds at its indexing phase.
        await using var app = await DiscordBotApp.StartAsync(qdrant, "Refresh:WatchArticles=false");
        var ct = TestContext.Current.CancellationToken;
        var index = app.Get<ArticleIndexService>();
        var seed = Path.Combine(index.ArticlesPath, "000_d95e6bfe9de103e0.txt");
        await File.WriteAllTextAsync(Path.Combine(index.ArticlesPath, "004_a1b2c3d4e5f60708.txt"),
            await File.ReadAllTextAsync(seed, ct) + "\nThe talks were followed by a press conference.", ct);
        var indexing = new TaskCompletionSource();
        using var release = new ManualResetEventSlim();
        var progress = new SynchronousProgress<RefreshStatus>(s =>
        {
            if (s.Phase == "indexing" && indexing.TrySetResult())
                release.Wait(ct);
        });
        var running = Task.Run(() => index.RefreshAsync("local:test", progress, ct), ct);
        await indexing.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);

        var refresh = await app.SendCommandAsync("refresh", Moderator, ManageServer, subcommand: "run");
        var reply = await app.ReplyAsync(refresh);
        release.Set();
        await running;

        Assert.Contains("already running", reply, StringComparison.Ordinal);
        Assert.Contains("local:test", reply, StringComparison.Ordinal);
        Assert.Contains("indexing", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModeratorsRefreshShowsItsProgressWhileItRunsThenTheOutcome()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var model = await FakeOpenAiServer.StartAsync(ct);
        await using var app = await DiscordBotApp.StartAsync(qdrant, "Refresh:WatchArticles=false", "Refresh:ProgressInterval=00:00:00.05",
            $"Llm:Endpoint={model.Endpoint}", "Llm:EmbeddingModel=test-embedder", "Embeddings:Provider=OpenAi");
        await RefreshCommandTests.WriteAccordArticleAsync(app.Get<ArticleIndexService>().ArticlesPath);
        // The new article's embeddings take a while, as a real embedding service's would: the refresh is seen mid-way.
        model.EnqueueEmbeddings(FakeOpenAiReply.Ok.After(TimeSpan.FromSeconds(1)));

        var refresh = await app.SendCommandAsync("refresh", Moderator, ManageServer, subcommand: "run");
        var replies = await app.RepliesUntilAsync(refresh, r => r.StartsWith("Refreshed", StringComparison.Ordinal));

        Assert.StartsWith("Refreshing…", replies[0], StringComparison.Ordinal);
        Assert.Contains(replies, r => r.StartsWith("Refreshing…", StringComparison.Ordinal) && r.Contains("passages)", StringComparison.Ordinal));
        Assert.StartsWith("Refreshed", replies[^1], StringComparison.Ordinal);
        Assert.Contains("1 added", replies[^1], StringComparison.Ordinal);
    }
}
