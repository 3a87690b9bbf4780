using System.Diagnostics;
using System.Globalization;
using TalksBot.Testing.FakeDiscord;

namespace TalksBot.Discord.Tests.Gateway;

/// <summary>
/// The bot against a fake Discord that keeps sessions as Discord does (event log, queueing, replay on resume), forced
/// to reconnect again and again while /ask interactions keep arriving, connected or not.
/// Which interactions must be answered: every one the fake wrote on a live connection or replayed on a resume
/// (<see cref="DispatchFate.Delivered"/>) exactly once. Discord does not replay the events of a session it invalidated
/// (close 1000/1001/4009, op 9 false), so those still queued then, or sent while no session existed, are lost to the bot
/// and must get no answer (<see cref="DispatchFate.Lost"/>).
/// </summary>
[Trait("Category", "Soak")]
public sealed class GatewaySoakTests
{
    private static readonly Disruption[] Resumable = [Disruption.Close4000, Disruption.Reconnect, Disruption.InvalidSessionResumable, Disruption.Zombie, Disruption.TcpDrop];

    private static readonly Disruption[] Invalidating = [Disruption.Close1000, Disruption.Close1001, Disruption.Close4009, Disruption.InvalidSessionNotResumable];

    // Discord allows one Identify per 5 s per max_concurrency bucket, so each invalidating disruption costs the bot at least
    // 5 s; one in 25 keeps the short run near a minute and the long run (40 identifies) far inside the 1000-a-day budget.
    private const int InvalidatingEvery = 25;

    private static readonly TimeSpan IdentifyWindow = TimeSpan.FromSeconds(5);

    // The bot counts the window from when its Identify left; the fake stamps it only once parsed, the first one in a cold
    // process (JIT) measured up to tens of ms late. Without the wait, identifies come about 0.5 s apart.
    private static readonly TimeSpan StampLag = TimeSpan.FromMilliseconds(100);


    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private enum Disruption
    {
        Close1000,
        Close1001,
        Close4000,
        Close4009,
        Reconnect,
        InvalidSessionResumable,
        InvalidSessionNotResumable,
        Zombie,
        TcpDrop,
    }

    [Fact]
    public async Task InteractionsThatReachTheBotAreAnsweredExactlyOnceThroughEveryKindOfDisruption()
    {
        var disruptions = Environment.GetEnvironmentVariable("TALKSBOT_SOAK_LONG") == "1" ? 1_000 : 100;
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        await using var bot = await BotHarness.StartAsync(arrange: d =>
        {
            d.HeartbeatIntervalMs = 400;
            d.KeepSessions();
        });
        var discord = bot.Discord;
        var sessions = discord.Sessions!;
        await bot.ReadyAsync();

        using var stopSending = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sending = SendInteractionsAsync(sessions, discord.ApplicationId, stopSending.Token);
        var random = new Random(10);
        var byKind = new Dictionary<Disruption, int>();
        for (var i = 0; i < disruptions; i++)
        {
            var kind = i % InvalidatingEvery == 0 ? Invalidating[(i / InvalidatingEvery) % Invalidating.Length] : Resumable[i % Resumable.Length];
            await Eventually.UntilAsync(() => sessions.Live is not null, Patience);
            // Let a few interactions through on the live connection first.
            await Task.Delay(random.Next(20, 80), ct);
            var disrupted = await DisruptAsync(discord, sessions, kind);
            await disrupted.Closed.WaitAsync(Patience, ct);
            discord.AckHeartbeats = true;
            byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
        }

        await stopSending.CancelAsync();
        var sent = await sending;
        await Eventually.UntilAsync(() => sessions.Live is not null, Patience);
        var interactions = sessions.Dispatches.Where(d => d.Type == "INTERACTION_CREATE").ToList();
        var delivered = interactions.Where(d => d.Fate == DispatchFate.Delivered).Select(InteractionId).ToHashSet();
        await Eventually.UntilAsync(() => delivered.IsSubsetOf(CallbacksById(discord).Keys), Patience);
        // Room for a duplicate answer to show up.
        await Task.Delay(500, ct);
        var callbacks = CallbacksById(discord);
        var lost = interactions.Where(d => d.Fate == DispatchFate.Lost).Select(InteractionId).ToList();
        var invalidating = byKind.Where(k => Invalidating.Contains(k.Key)).Sum(k => k.Value);
        var identifyTimes = sessions.IdentifyLog.Select(i => i.At).ToList();
        var unanswered = delivered.Where(id => !callbacks.ContainsKey(id)).ToList();
        var answeredTwice = callbacks.Where(c => c.Value > 1).Select(c => c.Key).ToList();
        var lostButAnswered = lost.Where(callbacks.ContainsKey).ToList();

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Soak: {disruptions} disruptions in {clock.Elapsed.TotalSeconds:F1} s ({string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}); " +
            $"interactions sent {sent}, answered {callbacks.Count} ({delivered.Count} delivered or replayed, {lost.Count} lost with invalidated sessions, " +
            $"{interactions.Count(d => d.Fate == DispatchFate.Unconfirmed)} unconfirmed, {sessions.Replayed} dispatches replayed on resume); " +
            $"resumes {sessions.Resumes}, identifies {sessions.Identifies}"));

        Assert.Equal(Enum.GetValues<Disruption>().Order(), byKind.Keys.Order());
        Assert.Equal(sent, interactions.Count);
        Assert.DoesNotContain(interactions, d => d.Fate == DispatchFate.Queued);
        Assert.Empty(unanswered);
        Assert.Empty(answeredTwice);
        Assert.Empty(lostButAnswered);
        Assert.Equal(0, sessions.RejectedResumes);
        Assert.Equal(0, sessions.AbandonedSessions);
        Assert.Equal(1 + invalidating, sessions.Identifies);
        Assert.True(discord.SessionStartRemaining >= 0, "The bot identified more often than session_start_limit allows");
        Assert.All(identifyTimes.Zip(identifyTimes.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= IdentifyWindow - StampLag, $"Two identifies {gap} apart"));
    }

    private static Task<FakeGatewayConnection> DisruptAsync(FakeDiscordServer discord, FakeGatewaySessions sessions, Disruption kind) => kind switch
    {
        Disruption.Close1000 => sessions.DisruptAsync(invalidatesSession: true, c => c.CloseAsync(1000, "")),
        Disruption.Close1001 => sessions.DisruptAsync(invalidatesSession: true, c => c.CloseAsync(1001, "")),
        Disruption.Close4000 => sessions.DisruptAsync(invalidatesSession: false, c => c.CloseAsync(4000, "Unknown error.")),
        Disruption.Close4009 => sessions.DisruptAsync(invalidatesSession: true, c => c.CloseAsync(4009, "Session timed out.")),
        Disruption.Reconnect => sessions.DisruptAsync(invalidatesSession: false, c => c.SendReconnectAsync()),
        Disruption.InvalidSessionResumable => sessions.DisruptAsync(invalidatesSession: false, c => c.SendInvalidSessionAsync(resumable: true)),
        Disruption.InvalidSessionNotResumable => sessions.DisruptAsync(invalidatesSession: true, c => c.SendInvalidSessionAsync(resumable: false)),
        // Dispatches keep flowing until the bot gives up on the connection: some arrive just before it drops the socket.
        // ACKs are restored once it has, so the next connection is healthy.
        Disruption.Zombie => sessions.DisruptAsync(invalidatesSession: false, _ =>
        {
            discord.AckHeartbeats = false;
            return Task.CompletedTask;
        }, keepWriting: true),
        Disruption.TcpDrop => sessions.DisruptAsync(invalidatesSession: false, c =>
        {
            c.Abort();
            return Task.CompletedTask;
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    // One /ask every 30 ms from a new user each time (so the per-user question limit never applies), connected or not.
    private static async Task<int> SendInteractionsAsync(FakeGatewaySessions sessions, string applicationId, CancellationToken cancellationToken)
    {
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var n = sent + 1;
            await sessions.DispatchAsync("INTERACTION_CREATE", FakeDiscordEvents.SlashCommand(
                (500_000_000_000_000_000 + n).ToString(CultureInfo.InvariantCulture), "soak" + n.ToString(CultureInfo.InvariantCulture), applicationId, "ask",
                (700_000_000_000_000_000 + n).ToString(CultureInfo.InvariantCulture), new Dictionary<string, string> { ["question"] = "What was agreed?" }));
            sent = n;
            try
            {
                await Task.Delay(30, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return sent;
    }

    private static string InteractionId(FakeDispatch dispatch) => dispatch.Data["id"]!.GetValue<string>();

    private static Dictionary<string, int> CallbacksById(FakeDiscordServer discord) => discord.Requests
        .Where(r => r.Method == "POST" && r.Path.StartsWith("/interactions/", StringComparison.Ordinal) && r.Path.EndsWith("/callback", StringComparison.Ordinal))
        .GroupBy(r => r.Path.Split('/')[2], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
