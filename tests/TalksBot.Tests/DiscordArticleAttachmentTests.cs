using System.Text;
using System.Text.Json.Nodes;
using TalksBot.Core.Analytics;
using TalksBot.Indexing;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

/// <summary><c>/articles add file:</c>: a moderator attaches an article file, which the bot fetches from Discord's file server.</summary>
public sealed class DiscordArticleAttachmentTests(QdrantFixture qdrant)
{
    private const string Moderator = "200000000000000022";
    private const string ManageServer = "32";

    private const string AccordArticle = """
        ---
        title: Zorblat accord signed in Geneva
        url: https://news.example/zorblat-accord
        published: 2025-02-20
        ---
        The Zorblat accord on river pilots was signed in Geneva by envoy Quentin Marsh after two days of talks.
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAttachedArticleIsAddedWithoutSendingTheTokenAndIsAnsweredFromAfterARefresh()
    {
        await using var app = await DiscordBotApp.StartAsync(qdrant, "Refresh:WatchArticles=false");
        var file = app.Discord.AddAttachment("zorblat.md", Encoding.UTF8.GetBytes(AccordArticle), "text/markdown; charset=utf-8");

        var add = await app.SendCommandAsync("articles", Moderator, ManageServer, subcommand: "add", attachments: Attachment(file));
        var reply = await app.ReplyAsync(add);
        await app.Get<ArticleIndexService>().RefreshAsync(Actors.Local, null, Ct);
        var ask = await app.SendCommandAsync("ask", Moderator, ManageServer, options: new Dictionary<string, string> { ["question"] = "Who signed the Zorblat accord?" });
        var answer = await app.ReplyAsync(ask);

        var added = (await app.Get<ArticleSetService>().ListAsync(Ct)).Single(a => a.Title == "Zorblat accord signed in Geneva");
        Assert.Contains($"Added `{added.Id}`", reply, StringComparison.Ordinal);
        Assert.Equal("https://news.example/zorblat-accord", added.Url);
        var fetch = Assert.Single(app.Discord.Requests, r => r.Path.StartsWith("/attachments/", StringComparison.Ordinal));
        Assert.Null(fetch.Header("Authorization"));
        Assert.Contains("Quentin Marsh", answer, StringComparison.Ordinal);
        Assert.Contains("Zorblat accord signed in Geneva", answer, StringComparison.Ordinal);
        var audit = (await app.Get<IAuditLog>().ListAsync(10, Ct)).Single(e => e.Action == "add");
        Assert.Equal((added.Id, "ok: from Discord attachment zorblat.md"), (audit.Target, audit.Outcome));
    }

    [Fact]
    public async Task AnAttachedFileTheLoaderWouldSkipIsRefusedWithTheReasonAndNothingIsAdded()
    {
        await using var app = await DiscordBotApp.StartAsync(qdrant, "Refresh:WatchArticles=false");
        var file = app.Discord.AddAttachment("notes.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00], "text/plain");

        var add = await app.SendCommandAsync("articles", Moderator, ManageServer, subcommand: "add", attachments: Attachment(file));
        var reply = await app.ReplyAsync(add);

        Assert.Contains("notes.txt", reply, StringComparison.Ordinal);
        Assert.Contains("binary", reply, StringComparison.Ordinal);
        Assert.Equal(4, (await app.Get<ArticleSetService>().ListAsync(Ct)).Count);
        Assert.StartsWith("failed:", (await app.Get<IAuditLog>().ListAsync(10, Ct)).Single(e => e.Action == "add").Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAttachmentThatIsNoArticleFileTypeIsRefusedWithoutBeingFetched()
    {
        await using var app = await DiscordBotApp.StartAsync(qdrant, "Refresh:WatchArticles=false");
        var file = app.Discord.AddAttachment("briefing.pdf", Encoding.ASCII.GetBytes("%PDF-1.7"), "application/pdf");

        var add = await app.SendCommandAsync("articles", Moderator, ManageServer, subcommand: "add", attachments: Attachment(file));
        var reply = await app.ReplyAsync(add);

        Assert.Contains("only", reply, StringComparison.Ordinal);
        Assert.Contains(".md", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Discord.Requests, r => r.Path.StartsWith("/attachments/", StringComparison.Ordinal));
        Assert.Equal(4, (await app.Get<ArticleSetService>().ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task AnAttachmentOverTheArticleSizeLimitIsRefusedWithoutBeingFetched()
    {
        // Room for the seed articles (the largest is about 12 KB), not for the attachment.
        await using var app = await DiscordBotApp.StartAsync(qdrant, "Refresh:WatchArticles=false", "Articles:MaxFileBytes=20000");
        var file = app.Discord.AddAttachment("long.md", Encoding.UTF8.GetBytes(AccordArticle + new string('x', 20_000)));

        var add = await app.SendCommandAsync("articles", Moderator, ManageServer, subcommand: "add", attachments: Attachment(file));
        var reply = await app.ReplyAsync(add);

        Assert.Contains("at most 20000 bytes", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Discord.Requests, r => r.Path.StartsWith("/attachments/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddWithBothAUrlAndAFileAsksForOne()
    {
        await using var app = await DiscordBotApp.StartAsync(qdrant, "Refresh:WatchArticles=false");
        var file = app.Discord.AddAttachment("zorblat.md", Encoding.UTF8.GetBytes(AccordArticle));

        var add = await app.SendCommandAsync("articles", Moderator, ManageServer, subcommand: "add",
            options: new Dictionary<string, string> { ["url"] = "https://news.example/other" }, attachments: Attachment(file));
        var reply = await app.ReplyAsync(add);

        Assert.Contains("either", reply, StringComparison.Ordinal);
        Assert.Equal(4, (await app.Get<ArticleSetService>().ListAsync(Ct)).Count);
    }

    private static Dictionary<string, JsonObject> Attachment(JsonObject file) => new() { ["file"] = file };
}
