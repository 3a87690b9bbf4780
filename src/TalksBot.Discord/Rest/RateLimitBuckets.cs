using System.Collections.Concurrent;

namespace TalksBot.Discord.Rest;

/// <summary>Maps routes to the bucket hashes Discord reveals (X-RateLimit-Bucket) and keeps one queue per (bucket, major id).</summary>
internal sealed class RateLimitBuckets
{
    // Interaction tokens (the major id of webhook routes) live 15 minutes, so a bucket idle that long is never needed again.
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(15);
    private const int SweepThreshold = 2_000;

    private readonly ConcurrentDictionary<string, string> _hashByRoute = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new(StringComparer.Ordinal);

    public RateLimitBucket For(string route, string majorId) =>
        _buckets.GetOrAdd(Key(route, majorId), static _ => new RateLimitBucket());

    /// <summary>Records the hash and moves the bucket state learnt under the route to it, so later calls share one queue.</summary>
    public void Learn(string route, string majorId, string bucketHash)
    {
        if (_hashByRoute.TryGetValue(route, out var known) && known == bucketHash)
        {
            return;
        }

        var current = For(route, majorId);
        _hashByRoute[route] = bucketHash;
        _buckets.TryAdd(bucketHash + "|" + majorId, current);
    }

    /// <summary>Forgets buckets idle for 15 minutes once there are many; every interaction adds a few.</summary>
    public void Sweep(DateTimeOffset now)
    {
        if (_buckets.Count < SweepThreshold)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.LastUsed + IdleLimit < now && bucket.Gate.CurrentCount == 1 && bucket.DelayBeforeNext(now) == TimeSpan.Zero)
            {
                _buckets.TryRemove(new KeyValuePair<string, RateLimitBucket>(key, bucket));
            }
        }
    }

    public int Count => _buckets.Count;

    private string Key(string route, string majorId) =>
        (_hashByRoute.TryGetValue(route, out var hash) ? hash : route) + "|" + majorId;
}
