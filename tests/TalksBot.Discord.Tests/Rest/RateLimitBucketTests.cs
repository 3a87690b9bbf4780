using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Tests.Rest;

public sealed class RateLimitBucketTests
{
    private static readonly DateTimeOffset Now = new(2025, 2, 18, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ABucketWithRequestsLeftDoesNotWait()
    {
        var bucket = new RateLimitBucket();
        bucket.Update(remaining: 3, resetAfter: TimeSpan.FromSeconds(2), Now);

        Assert.Equal(TimeSpan.Zero, bucket.DelayBeforeNext(Now));
    }

    [Fact]
    public void AnExhaustedBucketWaitsUntilItResets()
    {
        var bucket = new RateLimitBucket();
        bucket.Update(remaining: 0, resetAfter: TimeSpan.FromSeconds(2.5), Now);

        Assert.Equal(TimeSpan.FromSeconds(2), bucket.DelayBeforeNext(Now.AddSeconds(0.5)));
        Assert.Equal(TimeSpan.Zero, bucket.DelayBeforeNext(Now.AddSeconds(3)));
    }

    [Fact]
    public void A429PausesTheBucketForRetryAfter()
    {
        var bucket = new RateLimitBucket();
        bucket.Pause(TimeSpan.FromSeconds(1.5), Now);

        Assert.Equal(TimeSpan.FromSeconds(1.5), bucket.DelayBeforeNext(Now));
    }

    [Fact]
    public void RoutesSharingALearntBucketHashShareOneQueue()
    {
        var buckets = new RateLimitBuckets();
        var first = buckets.For("POST /channels/{id}/messages", "1");

        buckets.Learn("POST /channels/{id}/messages", "1", "abc123");
        buckets.Learn("PATCH /channels/{id}/messages/{message_id}", "1", "abc123");

        Assert.Same(first, buckets.For("POST /channels/{id}/messages", "1"));
        Assert.Same(first, buckets.For("PATCH /channels/{id}/messages/{message_id}", "1"));
        Assert.NotSame(first, buckets.For("POST /channels/{id}/messages", "2"));
    }

    [Fact]
    public void IdleBucketsAreForgottenOnceThereAreMany()
    {
        var buckets = new RateLimitBuckets();
        for (var i = 0; i < 2_000; i++)
        {
            buckets.For("POST /interactions/{id}/{token}/callback", i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Update(null, null, Now);
        }

        buckets.For("POST /channels/{id}/messages", "1").Update(null, null, Now.AddMinutes(20));
        buckets.Sweep(Now.AddMinutes(20));

        Assert.Equal(1, buckets.Count);
    }
}
