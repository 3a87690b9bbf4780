using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TalksBot.Bench;
using TalksBot.Qdrant;
using TalksBot.Qdrant.Local;
using TalksBot.Qdrant.Store;
using TalksBot.Testing.FakeDiscord;
using TalksBot.Testing.Qdrant;

namespace TalksBot.DeferralBench;

/// <summary>
/// One bench run: a managed Qdrant on free ports with temporary storage, the fake Discord, and <c>talksbot run</c> against
/// both. Once the bot is ready and its index served, a warm-up round, then the measured burst of /ask interactions.
/// </summary>
internal static class DeferralBenchRun
{
    private const int DeferredChannelMessage = 5;

    // Generous: the bench shares a loaded 2-core machine with builds, and the bot embeds the article set at start-up.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromSeconds(1);

    private static readonly string[] Questions =
    [
        "Who led the U.S. delegation?",
        "Where were the talks held?",
        "What did the two sides agree on?",
        "Who represented Russia?",
    ];

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        QdrantInstallation.EnsureInstalled("the deferral bench");
        var temp = Directory.CreateTempSubdirectory("talksbot-deferral-").FullName;
        BotProcess? bot = null;
        try
        {
            var ports = LoopbackPorts.Free(2);
            await using var qdrant = new ManagedQdrantServer(Options.Create(new QdrantOptions
            {
                Local =
                {
                    BinaryPath = QdrantInstallation.BinaryPath,
                    HttpPort = ports[0],
                    GrpcPort = ports[1],
                    StoragePath = Path.Combine(temp, "qdrant"),
                    StartTimeout = TimeSpan.FromSeconds(60),
                },
            }));
            await qdrant.EnsureStartedAsync(cancellationToken);
            await using var discord = await FakeDiscordServer.StartAsync();
            const string alias = "deferral_bench";
            bot = BotProcess.Start(new Dictionary<string, string>
            {
                ["Qdrant__Url"] = qdrant.BaseAddress.ToString(),
                ["Qdrant__GrpcUrl"] = qdrant.GrpcAddress.ToString(),
                ["Qdrant__Alias"] = alias,
                ["Qdrant__CollectionPrefix"] = alias,
                ["Analytics__DatabasePath"] = Path.Combine(temp, "analytics.db"),
                ["Refresh__LockPath"] = Path.Combine(temp, "refresh.lock"),
                ["Refresh__StatusPath"] = Path.Combine(temp, "refresh-status.json"),
                ["DOTNET_NOLOGO"] = "1",
            },
            [
                "run", "-c", "Discord:Token=deferral-bench-token", "-c", $"Discord:ApiBaseUrl={discord.ApiBaseUrl}",
                "-c", "Refresh:WatchArticles=false", "-c", "Logging:LogLevel:Default=Warning",
                .. options.BotSettings.SelectMany(s => new[] { "-c", s }),
            ]);

            var gateway = await WaitUntilReadyAsync(bot, discord, qdrant, alias, output, cancellationToken);
            var next = 0;
            if (options.WarmUp > 0)
            {
                var warmUp = await SendBurstAsync(gateway, discord, options.WarmUp, next, cancellationToken);
                next += options.WarmUp;
                await WaitForAnswersAsync(bot, discord, warmUp, cancellationToken);
                output.WriteLine($"warm-up: {options.WarmUp} interactions answered");
            }

            var measured = await SendBurstAsync(gateway, discord, options.Interactions, next, cancellationToken);
            await WaitForAnswersAsync(bot, discord, measured, cancellationToken);
            await WaitForQuietAsync(discord, cancellationToken);
            var machine = MachineFigures.Now();

            var (deferrals, answeredOnce, problems, timeline) = Measure(gateway, discord, measured);
            var figures = DeferralFigures.From(deferrals, answeredOnce);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"deferral, dispatch sent to type-5 callback received ({figures.Interactions} concurrent /ask): p50 {figures.P50Ms} / p95 {figures.P95Ms} / p99 {figures.P99Ms} / max {figures.MaxMs} ms"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"target p99 <= {DeferralFigures.TargetP99Ms} ms: {(figures.Met ? "PASS" : "MISS")}   answered exactly once: {answeredOnce} of {figures.Interactions}   ({machine.Cores} cores, load average {machine.LoadAverage?.ToString(CultureInfo.InvariantCulture) ?? "unknown"})"));
            output.WriteLine(timeline);
            if (options.JsonPath is { } json)
            {
                await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new DeferralReport(figures, machine), DeferralJsonContext.Default.DeferralReport), cancellationToken);
            }

            foreach (var problem in problems)
            {
                output.WriteLine(problem);
            }

            return problems.Count == 0 ? 0 : 1;
        }
        catch (BenchFailedException ex)
        {
            output.WriteLine($"deferral bench failed: {ex.Message}");
            if (bot is not null)
            {
                output.WriteLine("talksbot run said:" + Environment.NewLine + bot.Output);
            }

            return 1;
        }
        finally
        {
            if (bot is not null)
            {
                await bot.DisposeAsync();
            }

            Directory.Delete(temp, recursive: true);
        }
    }

    // Ready as DiscordBotApp has it: identified, commands overwritten, and the start-up index build served.
    private static async Task<FakeGatewayConnection> WaitUntilReadyAsync(BotProcess bot, FakeDiscordServer discord, ManagedQdrantServer qdrant, string alias,
        TextWriter output, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await UntilAsync(bot, () => Task.FromResult(discord.Connections.Count > 0 && discord.Connections[0].PayloadsWithOp(2).Count > 0), "the bot identifying", cancellationToken);
        await UntilAsync(bot, () => Task.FromResult(discord.Requests.Any(r => r.Method == "PUT" && r.Path.EndsWith("/commands", StringComparison.Ordinal))),
            "the bot registering its commands", cancellationToken);
        using var connection = new QdrantConnection(qdrant.GrpcAddress, apiKey: null, TimeSpan.FromSeconds(60));
        var client = new QdrantIndexClient(connection);
        await UntilAsync(bot, async () => await client.ResolveAliasAsync(alias, cancellationToken) is not null, "the bot serving its index", cancellationToken);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bot ready in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        return discord.Connections[0];
    }

    /// <summary>Sends <paramref name="count"/> /ask interactions at once, each from its own user so the per-user limit never refuses one.</summary>
    private static async Task<IReadOnlyList<SentInteraction>> SendBurstAsync(FakeGatewayConnection gateway, FakeDiscordServer discord, int count, int first,
        CancellationToken cancellationToken)
    {
        var interactions = Enumerable.Range(first, count).Select(n => new SentInteraction(
            (600_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture),
            $"deferral-bench-{n}",
            (200_000_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture),
            Questions[n % Questions.Length])).ToList();
        // Built before the first is sent, so the burst is as tight as the fake's socket allows.
        var payloads = interactions.Select(i => FakeDiscordEvents.SlashCommand(i.Id, i.Token, discord.ApplicationId, "ask", i.UserId,
            new Dictionary<string, string> { ["question"] = i.Question })).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        await Task.WhenAll(payloads.Select(p => gateway.SendDispatchAsync("INTERACTION_CREATE", p)));
        return interactions;
    }

    private static Task WaitForAnswersAsync(BotProcess bot, FakeDiscordServer discord, IReadOnlyList<SentInteraction> interactions, CancellationToken cancellationToken)
    {
        var tokens = interactions.Select(i => i.Token).ToHashSet(StringComparer.Ordinal);
        return UntilAsync(bot, () => Task.FromResult(discord.Requests.Where(IsAnswer).Select(TokenOf).Where(tokens.Contains).Distinct().Count() == tokens.Count),
            $"answers to all {interactions.Count} interactions", cancellationToken);
    }

    // A duplicate answer would come right after the first: wait until the bot has sent nothing for a second.
    private static async Task WaitForQuietAsync(FakeDiscordServer discord, CancellationToken cancellationToken)
    {
        for (var seen = -1; discord.Requests.Count != seen;)
        {
            seen = discord.Requests.Count;
            await Task.Delay(QuietPeriod, cancellationToken);
        }
    }

    private static (List<double> Deferrals, int AnsweredOnce, List<string> Problems, string Timeline) Measure(FakeGatewayConnection gateway, FakeDiscordServer discord,
        IReadOnlyList<SentInteraction> interactions)
    {
        var requests = discord.Requests;
        var sentAt = gateway.Sent
            .Where(s => (string?)s.Payload["t"] == "INTERACTION_CREATE")
            .ToDictionary(s => (string)s.Payload["d"]!["id"]!, s => s.Timestamp, StringComparer.Ordinal);
        var deferrals = new List<double>();
        var problems = new List<string>();
        var answeredOnce = 0;
        var (firstCallback, lastCallback) = (long.MaxValue, long.MinValue);
        foreach (var interaction in interactions)
        {
            var callbacks = requests.Where(r => r.Method == "POST" && r.Path == $"/interactions/{interaction.Id}/{interaction.Token}/callback").ToList();
            var answers = requests.Count(r => IsAnswer(r) && TokenOf(r) == interaction.Token);
            if (callbacks.Count == 1 && answers == 1)
            {
                answeredOnce++;
            }
            else
            {
                problems.Add($"interaction {interaction.Id}: {callbacks.Count} callback(s), {answers} answer(s); expected one of each");
            }

            if (callbacks.Count == 0)
            {
                continue;
            }

            firstCallback = Math.Min(firstCallback, callbacks[0].Timestamp);
            lastCallback = Math.Max(lastCallback, callbacks[0].Timestamp);

            if (callbacks[0].Json.GetProperty("type").GetInt32() != DeferredChannelMessage)
            {
                problems.Add($"interaction {interaction.Id}: answered with callback type {callbacks[0].Json.GetProperty("type").GetInt32()}, not a deferral (5)");
            }

            deferrals.Add(Stopwatch.GetElapsedTime(sentAt[interaction.Id], callbacks[0].Timestamp).TotalMilliseconds);
        }

        if (deferrals.Count == 0)
        {
            throw new BenchFailedException("no interaction was acknowledged");
        }

        // Where the time goes, as the fake sees it: how long the burst took to send, how long the first deferral took
        // (the bot's latency with no queue ahead), and how long the bot took to work through the rest (its throughput).
        var sent = interactions.Select(i => sentAt[i.Id]).ToList();
        var timeline = string.Create(CultureInfo.InvariantCulture,
            $"timeline: burst sent in {Ms(sent.Min(), sent.Max())} ms; first deferral {Ms(sent.Min(), firstCallback)} ms after the first dispatch; all deferrals within {Ms(firstCallback, lastCallback)} ms of the first");
        return (deferrals, answeredOnce, problems, timeline);
    }

    private static double Ms(long from, long to) => Math.Round(Stopwatch.GetElapsedTime(from, to).TotalMilliseconds, 1);

    private static bool IsAnswer(RecordedRequest r) =>
        r.Method == "PATCH" && r.Path.StartsWith("/webhooks/", StringComparison.Ordinal) && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal);

    // /webhooks/{application}/{token}/messages/@original
    private static string TokenOf(RecordedRequest r) => r.Path.Split('/')[3];

    private static async Task UntilAsync(BotProcess bot, Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (!await condition())
        {
            if (bot.HasExited)
            {
                throw new BenchFailedException($"talksbot run exited while the bench waited for {what}");
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new BenchFailedException($"timed out after {StartTimeout} waiting for {what}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
