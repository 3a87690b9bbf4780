using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Analytics;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Discord.Tests.Fakes;
using TalksBot.Testing.FakeDiscord;
using TalksBot.Testing.Logging;

namespace TalksBot.Discord.Tests;

/// <summary>The real bot host (AddDiscordBot) against a fake Discord, with fakes for the answer engine, catalog and log.</summary>
internal sealed class BotHarness : IAsyncDisposable
{
    public const string Token = "test-token-5ecret.VALUE";

    private BotHarness(FakeDiscordServer discord, IHost host, FakeAskService ask, FakeQuestionLog questions, CapturingLoggerProvider logs)
    {
        Discord = discord;
        Host = host;
        Ask = ask;
        Questions = questions;
        Logs = logs;
    }

    public FakeDiscordServer Discord { get; }

    public IHost Host { get; }

    public FakeAskService Ask { get; }

    public FakeQuestionLog Questions { get; }

    public CapturingLoggerProvider Logs { get; }

    public DiscordBotStatus Status => Host.Services.GetRequiredService<DiscordBotStatus>();

    public static async Task<BotHarness> StartAsync(
        Func<AskRequest, CancellationToken, Task<AskResult>>? ask = null,
        Action<FakeDiscordServer>? arrange = null,
        IDictionary<string, string?>? settings = null,
        IReadOnlyList<ArticleInfo>? articles = null,
        Action<IServiceCollection>? configure = null)
    {
        var discord = await FakeDiscordServer.StartAsync();
        arrange?.Invoke(discord);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var config = new Dictionary<string, string?>
        {
            ["Discord:Token"] = Token,
            ["Discord:ApiBaseUrl"] = discord.ApiBaseUrl,
            ["Discord:ReconnectBaseDelay"] = "00:00:00.050",
            ["Discord:ReconnectMaxDelay"] = "00:00:00.400",
            ["Discord:InvalidSessionDelay"] = "00:00:00.050",
            ["Discord:TypingInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        var askService = new FakeAskService(ask ?? Answers.After(TimeSpan.Zero, "An answer."));
        var questions = new FakeQuestionLog();
        builder.Services.AddSingleton<IAskService>(askService);
        builder.Services.AddSingleton<IQuestionLog>(questions);
        builder.Services.AddSingleton<IArticleCatalog>(new FakeArticleCatalog(articles ?? []));
        builder.AddDiscordBot();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new BotHarness(discord, host, askService, questions, logs);
    }

    /// <summary>Waits until the bot identified and registered its commands; returns the gateway connection.</summary>
    public async Task<FakeGatewayConnection> ReadyAsync()
    {
        var connection = await Discord.WaitForConnectionAsync(0);
        await connection.WaitForPayloadAsync(2);
        await Discord.WaitForRequestAsync(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal));
        return connection;
    }

    public Task<RecordedRequest> CallbackFor(string interactionId, TimeSpan? timeout = null) =>
        Discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path.StartsWith($"/interactions/{interactionId}/", StringComparison.Ordinal), timeout);

    public static int CallbackType(RecordedRequest request) => request.Json.GetProperty("type").GetInt32();

    public static bool PingsNobody(RecordedRequest request) =>
        request.Json.TryGetProperty("allowed_mentions", out var allowed)
        && allowed.GetProperty("parse").ValueKind == JsonValueKind.Array
        && allowed.GetProperty("parse").GetArrayLength() == 0
        && !allowed.TryGetProperty("users", out _)
        && !allowed.TryGetProperty("roles", out _);

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await Host.StopAsync(timeout.Token);
        }

        Host.Dispose();
        if (Environment.GetEnvironmentVariable("TALKSBOT_DISCORD_TEST_LOGS") is { Length: > 0 } folder)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, TestContext.Current.Test?.TestDisplayName + ".log"), Logs.AllText);
        }

        await Discord.DisposeAsync();
    }
}
