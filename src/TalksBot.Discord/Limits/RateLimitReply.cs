using System.Threading.RateLimiting;

namespace TalksBot.Discord.Limits;

internal static class RateLimitReply
{
    public static string For(RateLimitLease lease, int perMinute)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        return $"You're asking faster than I can keep up: I answer up to {perMinute} question{(perMinute == 1 ? "" : "s")} a minute per person. Please try again in about {wait} s.";
    }
}
