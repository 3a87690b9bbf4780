namespace TalksBot.Discord.Rest;

/// <summary>What Discord told us about one bucket; requests to it run one at a time through <see cref="Gate"/>.</summary>
internal sealed class RateLimitBucket
{
    private readonly Lock _lock = new();
    private int? _remaining;
    private DateTimeOffset _resetAt;
    private DateTimeOffset _pausedUntil;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>When a request last went through; idle buckets are forgotten.</summary>
    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>How long to wait before the next request may go out.</summary>
    public TimeSpan DelayBeforeNext(DateTimeOffset now)
    {
        lock (_lock)
        {
            var until = _pausedUntil;
            if (_remaining == 0 && _resetAt > until)
            {
                until = _resetAt;
            }

            return until > now ? until - now : TimeSpan.Zero;
        }
    }

    /// <summary>Learns from X-RateLimit-Remaining and X-RateLimit-Reset-After.</summary>
    public void Update(int? remaining, TimeSpan? resetAfter, DateTimeOffset now)
    {
        lock (_lock)
        {
            LastUsed = now;
            if (remaining is not null)
            {
                _remaining = remaining;
            }

            if (resetAfter is not null)
            {
                _resetAt = now + resetAfter.Value;
            }
        }
    }

    /// <summary>A 429 on this bucket: nothing goes out until retry_after has passed.</summary>
    public void Pause(TimeSpan retryAfter, DateTimeOffset now)
    {
        lock (_lock)
        {
            _pausedUntil = now + retryAfter;
        }
    }
}
