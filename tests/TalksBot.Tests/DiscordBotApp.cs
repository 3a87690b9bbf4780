using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalksBot.Hosting;
using TalksBot.Indexing;
using TalksBot.Testing.FakeDiscord;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

/// <summary>
/// The application exactly as <c>talksbot run</c> composes it (real Qdrant, seed articles, SQLite analytics), with its
/// Discord pointed at a fake Discord server; interactions arrive over the fake gateway and replies are read off its REST log.
/// </summary>
internal sealed class DiscordBotApp : IAsyncDisposable
{
    public const string Token = "test-bot-token.Secret";

    private readonly IHost _host;
    private readonly FakeGatewayConnection _gateway;
    private int _nextInteraction;

    private DiscordBotApp(IHost host, FakeDiscordServer discord, FakeGatewayConnection gateway) =>
        (_host, Discord, _gateway) = (host, discord, gateway);

    public FakeDiscordServer Discord { get; }

    public static async Task<DiscordBotApp> StartAsync(QdrantFixture qdrant, params string[] settings)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var discord = await FakeDiscordServer.StartAsync();
        var state = Directory.CreateTempSubdirectory("talksbot-bot-").FullName;
        var folder = Directory.CreateTempSubdirectory("talksbot-bot-articles-").FullName;
        foreach (var seed in Directory.GetFiles(Path.Combine(QdrantInstallation.RepositoryRoot, "data", "articles")))
            File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)));
        var name = QdrantFixture.UniqueName("bot");
        var builder = TalksBotHost.CreateBuilder(
        [
            $"Qdrant:Url={qdrant.BaseAddress}", $"Qdrant:GrpcUrl={qdrant.GrpcAddress}", $"Qdrant:Alias={name}", $"Qdrant:CollectionPrefix={name}",
            $"Articles:Path={folder}", $"Analytics:DatabasePath={Path.Combine(state, "analytics.db")}",
            $"Refresh:LockPath={Path.Combine(state, "refresh.lock")}", $"Refresh:StatusPath={Path.Combine(state, "refresh-status.json")}",
            $"Discord:Token={Token}", $"Discord:ApiBaseUrl={discord.ApiBaseUrl}", "Llm:Endpoint=", "Llm:EmbeddingModel=",
            $"Answering:LexiconPath={Path.Combine(QdrantInstallation.RepositoryRoot, "data", "lexicon")}",
            $"Answering:WeightsPath={Path.Combine(QdrantInstallation.RepositoryRoot, "data", "weights", "answer-ranker.json")}", "Logging:LogLevel:Default=Warning",
            .. settings,
        ], hosted: true);
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        // The bot is ready once it identified (op 2) and overwrote its commands; the index once the start-up build is served.
        var gateway = await discord.WaitForConnectionAsync(0);
        await gateway.WaitForPayloadAsync(2);
        await discord.WaitForRequestAsync(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal));
        await host.Services.GetRequiredService<ArticleIndexService>().EnsureServingAsync(progress: null, cancellationToken);
        return new DiscordBotApp(host, discord, gateway);
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>Sends a slash command; returns its interaction id and token for <see cref="ReplyAsync"/>.</summary>
    /// <param name="subcommand">A subcommand name, its options in <paramref name="options"/>; null for top-level options.</param>
    /// <param name="attachments">Attachment options: name to the object from <see cref="FakeDiscordServer.AddAttachment"/>.</param>
    public async Task<Interaction> SendCommandAsync(string name, string userId, string permissions, string? subcommand = null,
        IReadOnlyDictionary<string, string>? options = null, IEnumerable<string>? roleIds = null,
        IReadOnlyDictionary<string, JsonObject>? attachments = null)
    {
        var n = Interlocked.Increment(ref _nextInteraction);
        var interaction = new Interaction((500000000000000000 + n).ToString(CultureInfo.InvariantCulture), $"interaction-token-{n}");
        var payload = FakeDiscordEvents.SlashCommand(interaction.Id, interaction.Token, Discord.ApplicationId, name, userId, null, permissions, roleIds);
        // Like Discord: an attachment option's value is the attachment id, and its details come in data.resolved.
        var given = new JsonArray([
            .. (options ?? new Dictionary<string, string>()).Select(o => (JsonNode)new JsonObject { ["name"] = o.Key, ["type"] = 3, ["value"] = o.Value }),
            .. (attachments ?? new Dictionary<string, JsonObject>()).Select(a => (JsonNode)new JsonObject { ["name"] = a.Key, ["type"] = 11, ["value"] = a.Value["id"]!.GetValue<string>() }),
        ]);
        payload["data"]!["options"] = subcommand is null ? given : new JsonArray(new JsonObject { ["name"] = subcommand, ["type"] = 1, ["options"] = given });
        if (attachments is { Count: > 0 })
        {
            payload["data"]!["resolved"] = new JsonObject
            {
                ["attachments"] = new JsonObject(attachments.Values.Select(a => KeyValuePair.Create(a["id"]!.GetValue<string>(), (JsonNode?)a.DeepClone()))),
            };
        }

        await _gateway.SendDispatchAsync("INTERACTION_CREATE", payload);
        return interaction;
    }

    /// <summary>The interaction callback (the deferral or an immediate reply).</summary>
    public Task<RecordedRequest> CallbackAsync(Interaction interaction) =>
        Discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"/interactions/{interaction.Id}/{interaction.Token}/callback");

    /// <summary>The <paramref name="count"/>-th edit of the deferred reply (1 = the first).</summary>
    public async Task<string> ReplyAsync(Interaction interaction, int count = 1)
    {
        var edits = await Discord.WaitForRequestsAsync(
            r => r.Method == "PATCH" && r.Path == $"/webhooks/{Discord.ApplicationId}/{interaction.Token}/messages/@original", count, TimeSpan.FromSeconds(30));
        return edits[count - 1].Json.GetProperty("content").GetString() ?? "";
    }

    /// <summary>Every edit of the deferred reply, in order, once one of them satisfies <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<string>> RepliesUntilAsync(Interaction interaction, Func<string, bool> last)
    {
        bool IsEdit(RecordedRequest r) => r.Method == "PATCH" && r.Path == $"/webhooks/{Discord.ApplicationId}/{interaction.Token}/messages/@original";
        static string ContentOf(RecordedRequest r) => r.Json.GetProperty("content").GetString() ?? "";
        await Discord.WaitForRequestAsync(r => IsEdit(r) && last(ContentOf(r)), TimeSpan.FromSeconds(30));
        return [.. Discord.Requests.Where(IsEdit).Select(ContentOf)];
    }

    public static bool IsEphemeral(JsonElement callback) =>
        callback.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("flags", out var flags) && (flags.GetInt32() & 64) != 0;

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            await _host.StopAsync(timeout.Token);
        _host.Dispose();
        await Discord.DisposeAsync();
    }

    internal sealed record Interaction(string Id, string Token);
}
