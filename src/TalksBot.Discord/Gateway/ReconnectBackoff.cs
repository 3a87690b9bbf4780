namespace TalksBot.Discord.Gateway;

/// <summary>Doubling delay with jitter and a cap; never gives up, so a long outage only slows retries down.</summary>
internal sealed class ReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
{
    /// <summary>The wait before the next attempt after <paramref name="failures"/> failed connections in a row.</summary>
    public TimeSpan For(int failures)
    {
        // After a healthy session, reconnect almost at once but spread out so many shards don't stampede.
        if (failures <= 0)
        {
            return baseDelay * random();
        }

        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        // Full-range jitter over the upper half keeps the cap and still de-synchronises clients.
        return TimeSpan.FromMilliseconds(capped * (0.5 + (random() / 2)));
    }
}
