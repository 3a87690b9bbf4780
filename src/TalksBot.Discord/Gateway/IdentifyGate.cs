using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Gateway;

/// <summary>
/// Discord's identify limits as waits (discord-api-docs docs/events/gateway.mdx, "Sharding" and "Session Start Limit"):
/// the daily session budget of <c>GET /gateway/bot</c>, and one Identify per rate-limit bucket per 5 s, where a shard's
/// bucket is <c>shard_id % max_concurrency</c>. Time only through <see cref="TimeProvider"/>, so tests need no sleeping.
/// One gateway loop asks, one call at a time, so there is nothing to lock.
/// </summary>
internal sealed class IdentifyGate(TimeProvider time)
{
    /// <summary>
    /// Discord allows one Identify per bucket per 5 s. Within one process (one shard, one bucket) the gateway soak found
    /// why it matters: after close 1000/1001/4009 or op 9 false the bot identified again within half a second.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    private bool _startUpTurnTaken;

    // A process knows only its own identifies, so the last one is all there is to remember. Its bucket is worked out with
    // the max_concurrency of the moment it is compared, so a changed max_concurrency never hides it.
    private (int ShardId, DateTimeOffset At)? _last;

    public static int RateLimitKey(int shardId, int maxConcurrency) => shardId % Math.Max(1, maxConcurrency);

    /// <summary>
    /// How long to wait before <paramref name="shardId"/> may identify, and why; zero when it may now. The first call whose
    /// budget is not spent takes the process's start-up turn, whether or not the connection then gets as far as an Identify.
    /// </summary>
    public IdentifyWait WaitBefore(int shardId, SessionStartLimit? limit)
    {
        if (limit is { Remaining: <= 0 })
        {
            // Identifying beyond the budget makes Discord reset the token. At least one window, so a budget that reads
            // "none left, resets now" is asked again shortly instead of in a tight loop.
            var reset = TimeSpan.FromMilliseconds(Math.Max(0, limit.ResetAfter));
            return new IdentifyWait(reset > Window ? reset : Window, IdentifyWaitReason.SessionBudgetSpent);
        }

        var maxConcurrency = Math.Max(1, limit?.MaxConcurrency ?? 1);
        if (!_startUpTurnTaken)
        {
            // Processes started together: the shards of one bucket take turns, 5 s apart, in shard order (shard k is
            // number k / max_concurrency in its bucket). No process knows when the others identified. Once per process:
            // after that, the bucket window and the reconnect backoff keep the pace.
            _startUpTurnTaken = true;
            return new IdentifyWait(Window * (shardId / maxConcurrency), IdentifyWaitReason.StartUpTurn);
        }

        var wait = _last is { } last && RateLimitKey(last.ShardId, maxConcurrency) == RateLimitKey(shardId, maxConcurrency)
            ? last.At + Window - time.GetUtcNow()
            : TimeSpan.Zero;
        return new IdentifyWait(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, IdentifyWaitReason.BucketWindow);
    }

    /// <summary>
    /// Records an Identify sent at <paramref name="at"/>: its bucket's next one waits 5 s from then. A process that has
    /// identified is past its start-up turn.
    /// </summary>
    public void Identified(int shardId, DateTimeOffset at)
    {
        _startUpTurnTaken = true;
        _last = (shardId, at);
    }
}
