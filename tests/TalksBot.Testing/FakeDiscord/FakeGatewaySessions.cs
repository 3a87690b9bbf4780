using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TalksBot.Testing.FakeDiscord;

/// <summary>
/// Discord's session bookkeeping for the fake gateway (turned on by <see cref="FakeDiscordServer.KeepSessions"/>): each
/// Identify starts a session with its own event log and sequence numbers; dispatches while the bot is disconnected are
/// queued; Resume (op 6) replays every event after the bot's sequence, then sends RESUMED; a disruption that invalidates
/// the session (close 1000/1001/4009, op 9 false) loses what was still queued, as Discord never replays those.
/// Sharded like Discord: each Identify names its shard <c>[id, count]</c>; a guild's events go only to the session of shard
/// <c>(guild_id &gt;&gt; 22) % count</c>, direct messages to shard 0. Each shard has its own current session.
/// </summary>
public sealed class FakeGatewaySessions : IDisposable
{
    private readonly FakeDiscordServer _server;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly List<FakeDispatch> _dispatches = [];
    private readonly List<FakeIdentify> _identifies = [];
    private readonly Dictionary<int, Session> _current = [];
    private readonly Dictionary<int, FakeGatewayConnection> _live = [];
    private int _shardCount = 1;
    private int _resumes;
    private int _rejectedResumes;
    private int _abandoned;
    private int _replayed;

    internal FakeGatewaySessions(FakeDiscordServer server)
    {
        _server = server;
    }

    /// <summary>The connection carrying shard 0's current session after READY or RESUMED, while it is open.</summary>
    public FakeGatewayConnection? Live => LiveOf(0);

    /// <summary>
    /// Test only: write every event, DMs too, to every shard's session, as if Discord misrouted it, so a bot that handles
    /// guilds not its own answers twice.
    /// </summary>
    public bool MisrouteToAllShards { get; set; }

    /// <summary>Every Identify: which shard it named and with which token, in order.</summary>
    public IReadOnlyList<FakeIdentify> IdentifyLog => Locked(() => _identifies.ToList());

    public int Identifies => Locked(() => _identifies.Count);

    /// <summary>Resumes answered with a replay and RESUMED.</summary>
    public int Resumes => Locked(() => _resumes);

    /// <summary>Resumes of a session Discord had invalidated (or never issued), answered with op 9 false.</summary>
    public int RejectedResumes => Locked(() => _rejectedResumes);

    /// <summary>Identifies that left a still resumable session behind.</summary>
    public int AbandonedSessions => Locked(() => _abandoned);

    /// <summary>Dispatches written again on a resume because the bot's sequence showed it had not seen them.</summary>
    public int Replayed => Locked(() => _replayed);

    public IReadOnlyList<FakeDispatch> Dispatches => Locked(() => _dispatches.ToList());

    /// <summary>Discord's rule: a guild's events go to shard <c>(guild_id &gt;&gt; 22) % count</c>; events without a guild (DMs) to shard 0.</summary>
    public static int ShardOf(string? guildId, int shardCount) =>
        guildId is null ? 0 : (int)((ulong.Parse(guildId, CultureInfo.InvariantCulture) >> 22) % (ulong)shardCount);

    /// <summary>
    /// Appends a dispatch to the log of the session of the shard that owns its guild, and writes it if that shard is
    /// connected; queues it otherwise. With <see cref="MisrouteToAllShards"/> every shard's session gets it too.
    /// </summary>
    public async Task<FakeDispatch> DispatchAsync(string type, JsonNode data)
    {
        await _lock.WaitAsync();
        try
        {
            var owner = ShardOf(data["guild_id"]?.GetValue<string>(), _shardCount);
            var targets = MisrouteToAllShards ? [.. _current.Keys.Order()] : new[] { owner };
            FakeDispatch? first = null;
            foreach (var shard in targets)
            {
                FakeDispatch dispatch;
                if (!_current.TryGetValue(shard, out var session))
                {
                    dispatch = new FakeDispatch(type, data, null, 0) { Fate = DispatchFate.Lost, Shard = shard };
                    _dispatches.Add(dispatch);
                }
                else
                {
                    dispatch = session.Append(type, data);
                    _dispatches.Add(dispatch);
                    if (LiveOf(shard) is { } live)
                    {
                        await TryWriteAsync(live, dispatch);
                    }
                }

                first ??= dispatch;
            }

            return first ?? new FakeDispatch(type, data, null, 0) { Fate = DispatchFate.Lost, Shard = owner };
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Disconnects the live connection with <paramref name="disrupt"/> (a close, op 7, op 9, an abort...). From here on
    /// dispatches are queued; with <paramref name="invalidatesSession"/> the session ends and its queued events are lost.
    /// With <paramref name="keepWriting"/> dispatches still go to the connection until the bot drops it (a zombie).
    /// </summary>
    public async Task<FakeGatewayConnection> DisruptAsync(bool invalidatesSession, Func<FakeGatewayConnection, Task> disrupt, bool keepWriting = false, int shard = 0)
    {
        await _lock.WaitAsync();
        try
        {
            var live = LiveOf(shard) ?? throw new InvalidOperationException($"No live gateway connection of shard {shard} to disrupt");
            var session = _current[shard];
            if (!keepWriting)
            {
                _live.Remove(shard);
            }

            var reachedBot = true;
            try
            {
                await disrupt(live);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
            {
                reachedBot = false;
            }

            if (invalidatesSession)
            {
                // Events written before the close frame or op 9 reached the bot in order, unless it had dropped the socket already.
                session.Invalidate(confirmedOnly: !reachedBot || live.Closed.IsCompleted);
                _current.Remove(shard);
            }

            return live;
        }
        finally
        {
            _lock.Release();
        }
    }

    internal async Task IdentifyAsync(FakeGatewayConnection connection, JsonElement payload)
    {
        var arrived = DateTimeOffset.UtcNow;
        var data = payload.GetProperty("d");
        var (shard, count) = data.TryGetProperty("shard", out var pair) && pair.ValueKind == JsonValueKind.Array
            ? (pair[0].GetInt32(), pair[1].GetInt32())
            : (0, 1);
        var token = data.TryGetProperty("token", out var t) ? t.GetString() ?? "" : "";
        await _lock.WaitAsync();
        try
        {
            _identifies.Add(new FakeIdentify(shard, count, token, arrived));
            _shardCount = count;
            if (_current.TryGetValue(shard, out var previous))
            {
                // The bot chose a new session over resuming this one: what it had not confirmed is gone.
                _abandoned++;
                previous.Invalidate(confirmedOnly: true);
            }

            _server.SessionStartRemaining--;
            var session = new Session("fake-session-" + _identifies.Count.ToString(CultureInfo.InvariantCulture), shard);
            _sessions[session.Id] = session;
            _current[shard] = session;
            session.Connections.Add(connection);
            var ready = session.Append("READY", new JsonObject
            {
                ["v"] = 10,
                ["session_id"] = session.Id,
                ["resume_gateway_url"] = _server.ResumeGatewayUrl,
                ["user"] = new JsonObject { ["id"] = _server.BotUserId, ["username"] = "TalksBot", ["bot"] = true },
                ["application"] = new JsonObject { ["id"] = _server.ApplicationId, ["flags"] = 0 },
                ["guilds"] = new JsonArray(),
            });
            _dispatches.Add(ready);
            if (await TryWriteAsync(connection, ready))
            {
                _live[shard] = connection;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    internal async Task ResumeAsync(FakeGatewayConnection connection, JsonElement payload)
    {
        var data = payload.GetProperty("d");
        var sessionId = data.GetProperty("session_id").GetString() ?? "";
        var seq = data.TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0;
        await _lock.WaitAsync();
        try
        {
            if (!_sessions.TryGetValue(sessionId, out var session) || session.Invalidated || _current.GetValueOrDefault(session.Shard) != session)
            {
                // Discord answers the Resume of a session it no longer has with op 9, not resumable.
                _rejectedResumes++;
                await IgnoreDropAsync(connection.SendInvalidSessionAsync(resumable: false));
                return;
            }

            session.Connections.Add(connection);
            foreach (var missed in session.After(seq))
            {
                if (!await TryWriteAsync(connection, missed))
                {
                    return;
                }

                _replayed++;
            }

            if (await IgnoreDropAsync(connection.SendAsync(0, new JsonObject(), null, "RESUMED")))
            {
                _resumes++;
                _live[session.Shard] = connection;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    private static async Task<bool> TryWriteAsync(FakeGatewayConnection connection, FakeDispatch dispatch)
    {
        if (!await IgnoreDropAsync(connection.SendAsync(0, dispatch.Data, dispatch.Sequence, dispatch.Type)))
        {
            return false;
        }

        dispatch.Writes++;
        dispatch.Fate = DispatchFate.Delivered;
        return true;
    }

    // A socket the bot dropped a moment ago: the write fails, and the event waits in the log for a resume.
    private static async Task<bool> IgnoreDropAsync(Task send)
    {
        try
        {
            await send;
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException)
        {
            return false;
        }
    }

    /// <summary>The shard that identified with <paramref name="token"/>, when exactly one did: who sent a REST request.</summary>
    public int? ShardOfToken(string token) => Locked(() =>
        _identifies.Where(i => i.Token == token).Select(i => i.Shard).Distinct().ToList() is [var shard] ? shard : (int?)null);

    public void Dispose() => _lock.Dispose();

    private FakeGatewayConnection? LiveOf(int shard) =>
        _live.TryGetValue(shard, out var live) && !live.Closed.IsCompleted ? live : null;

    private T Locked<T>(Func<T> read)
    {
        _lock.Wait();
        try
        {
            return read();
        }
        finally
        {
            _lock.Release();
        }
    }

    private sealed class Session(string id, int shard)
    {
        private readonly List<FakeDispatch> _log = [];

        public string Id { get; } = id;

        public int Shard { get; } = shard;

        public List<FakeGatewayConnection> Connections { get; } = [];

        public bool Invalidated { get; private set; }

        public FakeDispatch Append(string type, JsonNode data)
        {
            var dispatch = new FakeDispatch(type, data, Id, _log.Count + 1) { Shard = Shard };
            _log.Add(dispatch);
            return dispatch;
        }

        public IEnumerable<FakeDispatch> After(long sequence) => _log.Where(d => d.Sequence > sequence);

        /// <summary>
        /// Ends the session. Queued events never reached the bot. With <paramref name="confirmedOnly"/>, written events count
        /// as received only up to the last sequence the bot reported (heartbeat or resume); later ones are unconfirmed.
        /// </summary>
        public void Invalidate(bool confirmedOnly)
        {
            Invalidated = true;
            var confirmed = ConfirmedSequence();
            foreach (var dispatch in _log)
            {
                if (dispatch.Fate == DispatchFate.Queued)
                {
                    dispatch.Fate = DispatchFate.Lost;
                }
                else if (confirmedOnly && dispatch.Fate == DispatchFate.Delivered && dispatch.Sequence > confirmed)
                {
                    dispatch.Fate = DispatchFate.Unconfirmed;
                }
            }
        }

        private long ConfirmedSequence() => Connections
            .SelectMany(c => c.PayloadsWithOp(1).Select(p => p.GetProperty("d")).Concat(c.PayloadsWithOp(6).Select(p => p.GetProperty("d").GetProperty("seq"))))
            .Where(seq => seq.ValueKind == JsonValueKind.Number)
            .Select(seq => seq.GetInt64())
            .DefaultIfEmpty(0)
            .Max();
    }
}
