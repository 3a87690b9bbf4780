using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TalksBot.Discord.Commands;
using TalksBot.Discord.Gateway;
using TalksBot.Discord.Rest;
using TalksBot.Testing.FakeDiscord;

namespace TalksBot.Discord.Tests.Rest;

/// <summary>Fetching attachments from the fake Discord's file server.</summary>
public sealed class AttachmentDownloaderTests : IAsyncLifetime
{
    private FakeDiscordServer _discord = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _discord = await FakeDiscordServer.StartAsync();

    public ValueTask DisposeAsync() => _discord.DisposeAsync();

    [Fact]
    public async Task TheContentIsFetchedAsServed()
    {
        var content = Encoding.UTF8.GetBytes("Talks in Riyadh.\n");
        var file = Resolve(_discord.AddAttachment("a.txt", content));

        var fetched = await Downloader().DownloadAsync(file, maxBytes: 1000, Ct);

        Assert.Equal(content, fetched);
    }

    [Fact]
    public async Task AFileLargerThanDiscordStatedIsCutOffAtTheLimit()
    {
        var file = Resolve(_discord.AddAttachment("a.txt", new byte[300_000], statedSize: 10));

        var refused = await Assert.ThrowsAsync<AttachmentDownloadException>(() => Downloader().DownloadAsync(file, maxBytes: 100_000, Ct));

        Assert.Contains("at most 100000 bytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileSaysToUploadAgainWithoutItsAddress()
    {
        var served = _discord.AddAttachment("a.txt", [1]);
        served["url"] = served["url"]!.GetValue<string>().Replace("/a.txt", "/gone.txt", StringComparison.Ordinal);
        var file = Resolve(served);

        var refused = await Assert.ThrowsAsync<AttachmentDownloadException>(() => Downloader().DownloadAsync(file, maxBytes: 1000, Ct));

        Assert.Contains("404", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_discord.Origin, refused.Message, StringComparison.Ordinal);
    }

    private static AttachmentDownloader Downloader() => new(new SingleClientFactory());

    // Goes through InteractionContext, as the bot does, so the test also covers reading Discord's attachment object.
    private static InteractionAttachment Resolve(JsonObject attachment)
    {
        var id = attachment["id"]!.GetValue<string>();
        var data = new JsonObject
        {
            ["name"] = "articles",
            ["options"] = new JsonArray(new JsonObject { ["name"] = "file", ["type"] = 11, ["value"] = id }),
            ["resolved"] = new JsonObject { ["attachments"] = new JsonObject { [id] = attachment.DeepClone() } },
        };
        var json = $$"""{"id":"1","application_id":"2","token":"t","type":2,"guild_id":"3","data":{{data.ToJsonString()}}}""";
        var context = new InteractionContext(JsonSerializer.Deserialize(json, GatewayJsonContext.Default.InteractionData)!, new DiscordApi(null!));
        return context.GetAttachment("file")!;
    }

    private sealed class SingleClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
