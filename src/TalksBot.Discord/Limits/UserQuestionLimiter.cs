using System.Threading.RateLimiting;

namespace TalksBot.Discord.Limits;

/// <summary>
/// At most N questions per user per sliding minute. Hand-written on the RateLimiting abstractions because the built-in
/// limiters read Stopwatch time, not a <see cref="TimeProvider"/>, and could not be tested without sleeping.
/// </summary>
internal sealed class UserQuestionLimiter(int perMinute, TimeProvider time) : PartitionedRateLimiter<string>
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _askedAt = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public override RateLimiterStatistics? GetStatistics(string resource)
    {
        lock (_lock)
        {
            var count = _askedAt.TryGetValue(resource, out var times) ? Prune(times, time.GetUtcNow()) : 0;
            return new RateLimiterStatistics { CurrentAvailablePermits = Math.Max(0, perMinute - count) };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_askedAt.TryGetValue(resource, out var times))
            {
                SweepIdleUsers(now);
                times = new Queue<DateTimeOffset>();
                _askedAt[resource] = times;
            }

            if (Prune(times, now) + permitCount > perMinute)
            {
                return new Lease(false, times.Peek() + Window - now);
            }

            for (var i = 0; i < permitCount; i++)
            {
                times.Enqueue(now);
            }

            return new Lease(true, null);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));

    private static int Prune(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + Window <= now)
        {
            times.Dequeue();
        }

        return times.Count;
    }

    // Forget users with nothing in the window, so the table does not grow with every user ever seen.
    private void SweepIdleUsers(DateTimeOffset now)
    {
        if (_askedAt.Count < 1_024)
        {
            return;
        }

        foreach (var (user, times) in _askedAt.ToList())
        {
            if (Prune(times, now) == 0)
            {
                _askedAt.Remove(user);
            }
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
