namespace TalksBot.Discord.Rest;

/// <summary>
/// Counts 401/403/429 answers over a sliding 10 minutes. Discord bans an IP for a while at 10,000 of them, so once the
/// budget is used up requests wait until the oldest falls out of the window.
/// </summary>
internal sealed class InvalidRequestGuard(int budget, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly Queue<DateTimeOffset> _seen = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                Prune(time.GetUtcNow());
                return _seen.Count;
            }
        }
    }

    public void Record()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Prune(now);
            _seen.Enqueue(now);
        }
    }

    public TimeSpan DelayBeforeNext()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            Prune(now);
            if (_seen.Count < budget)
            {
                return TimeSpan.Zero;
            }

            return _seen.ElementAt(_seen.Count - budget) + Window - now;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_seen.Count > 0 && _seen.Peek() + Window <= now)
        {
            _seen.Dequeue();
        }
    }
}
