using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TalksBot.Discord.Rest;

// Hand-written: no Discord library is in our registry. Rate limits follow discord-api-docs docs/topics/rate-limits.md.
internal sealed partial class DiscordRestClient : IDisposable
{
    public const string HttpClientName = "Discord";

    // Discord allows 50 requests per second per bot across all routes (interaction callbacks exempt).
    private const int GlobalPerSecond = 50;
    private const int MaxAttempts = 3;

    private readonly IHttpClientFactory _httpFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly SecretRedactor _redactor;
    private readonly RateLimitBuckets _buckets = new();
    private readonly InvalidRequestGuard _invalid;
    private readonly TokenBucketRateLimiter _global = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = GlobalPerSecond,
        TokensPerPeriod = GlobalPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });
    private long _globalPausedUntilTicks;

    public DiscordRestClient(IHttpClientFactory httpFactory, IOptions<DiscordOptions> options, TimeProvider time, ILogger<DiscordRestClient> logger)
    {
        _httpFactory = httpFactory;
        _time = time;
        _logger = logger;
        _redactor = new SecretRedactor(options.Value.Token);
        _invalid = new InvalidRequestGuard(options.Value.InvalidRequestBudget, time);
    }

    /// <summary>Sends the request through its bucket queue and the global limiter; returns the response body.</summary>
    public async Task<string> SendAsync(DiscordRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var invalidDelay = _invalid.DelayBeforeNext();
            if (invalidDelay > TimeSpan.Zero)
            {
                LogInvalidBudgetSpent(_invalid.Count, invalidDelay);
                await Task.Delay(invalidDelay, _time, cancellationToken);
            }

            _buckets.Sweep(_time.GetUtcNow());
            var bucket = _buckets.For(request.Route, request.MajorId);
            await bucket.Gate.WaitAsync(cancellationToken);
            Outcome outcome;
            try
            {
                // A loop, because timers may fire a little early and Discord counts a request a millisecond early as a 429.
                for (var wait = bucket.DelayBeforeNext(_time.GetUtcNow()); wait > TimeSpan.Zero; wait = bucket.DelayBeforeNext(_time.GetUtcNow()))
                {
                    LogBucketWait(request.Route, wait);
                    await Task.Delay(wait, _time, cancellationToken);
                }

                if (!request.GlobalExempt)
                {
                    await WaitForGlobalAsync(cancellationToken);
                }

                outcome = await SendOnceAsync(request, bucket, cancellationToken);
            }
            finally
            {
                bucket.Gate.Release();
            }

            if (outcome.Body is not null)
            {
                return outcome.Body;
            }

            if (attempt >= MaxAttempts || !outcome.MayRetry)
            {
                throw outcome.Error!;
            }

            LogRetrying(request.Route, attempt, outcome.Error!.Message);
            if (outcome.BackoffBeforeRetry > TimeSpan.Zero)
            {
                await Task.Delay(outcome.BackoffBeforeRetry, _time, cancellationToken);
            }
        }
    }

    /// <summary>401/403/429 answers counted in the last 10 minutes.</summary>
    internal int InvalidRequestCount => _invalid.Count;

    public void Dispose() => _global.Dispose();

    private async Task WaitForGlobalAsync(CancellationToken cancellationToken)
    {
        // A loop: timers may fire a little early, and another global 429 may have moved the pause on meanwhile.
        for (var wait = GlobalPauseLeft(); wait > TimeSpan.Zero; wait = GlobalPauseLeft())
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        using var lease = await _global.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new DiscordRestException("The global REST queue is full; too many requests are waiting");
        }
    }

    private TimeSpan GlobalPauseLeft()
    {
        var pausedUntil = new DateTimeOffset(Interlocked.Read(ref _globalPausedUntilTicks), TimeSpan.Zero);
        var now = _time.GetUtcNow();
        return pausedUntil > now ? pausedUntil - now : TimeSpan.Zero;
    }

    private async Task<Outcome> SendOnceAsync(DiscordRequest request, RateLimitBucket bucket, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path.TrimStart('/'));
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        var http = _httpFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return Outcome.Failed(new DiscordRestException($"{request.Route} failed: {_redactor.Redact(ex.Message)}"), request.Retryable, TimeSpan.FromSeconds(1));
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome.Failed(new DiscordRestException($"{request.Route} timed out", ex), request.Retryable, TimeSpan.FromSeconds(1));
        }

        using (response)
        {
            var now = _time.GetUtcNow();
            bucket.Update(HeaderInt(response, "X-RateLimit-Remaining"), HeaderSeconds(response, "X-RateLimit-Reset-After"), now);
            if (Header(response, "X-RateLimit-Bucket") is { } hash)
            {
                _buckets.Learn(request.Route, request.MajorId, hash);
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return Outcome.Succeeded(body);
            }

            var error = ParseError(body);
            var exception = new DiscordRestException(request.Route, response.StatusCode, error?.Code, _redactor.Redact(error?.Message ?? Truncate(body)));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // The body's retry_after is exact (seconds, with a fraction); Retry-After is whole seconds, so only a fallback.
                var retryAfter = TimeSpan.FromSeconds(error?.RetryAfter ?? HeaderSeconds(response, "Retry-After")?.TotalSeconds ?? 1);
                var global = error?.Global == true || string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
                // A "shared" 429 is a limit on a resource others use too; Discord does not count it towards the invalid-request ban.
                if (!string.Equals(Header(response, "X-RateLimit-Scope"), "shared", StringComparison.OrdinalIgnoreCase))
                {
                    _invalid.Record();
                }

                if (global)
                {
                    Interlocked.Exchange(ref _globalPausedUntilTicks, (now + retryAfter).UtcTicks);
                }
                else
                {
                    bucket.Pause(retryAfter, now);
                    // The route may now map to another bucket than the one this request queued on: its hash was learnt from a
                    // concurrent request meanwhile. The retry and later requests queue there, so that one must wait too.
                    var next = _buckets.For(request.Route, request.MajorId);
                    if (!ReferenceEquals(next, bucket))
                    {
                        next.Pause(retryAfter, now);
                    }
                }

                LogRateLimited(request.Route, retryAfter, global);
                // A 429 was not processed, so sending again is safe for every request.
                return Outcome.Failed(exception, mayRetry: true, TimeSpan.Zero);
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                _invalid.Record();
                return Outcome.Failed(exception, mayRetry: false, TimeSpan.Zero);
            }

            var serverError = (int)response.StatusCode >= 500;
            return Outcome.Failed(exception, serverError && request.Retryable, TimeSpan.FromSeconds(1));
        }
    }

    private static DiscordErrorBody? ParseError(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, RestJsonContext.Default.DiscordErrorBody);
        }
        catch (JsonException)
        {
            // Cloudflare bans answer with HTML, not JSON.
            return null;
        }
    }

    private static string Truncate(string body) => body.Length <= 200 ? body : body[..200];

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static int? HeaderInt(HttpResponseMessage response, string name) =>
        int.TryParse(Header(response, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TimeSpan? HeaderSeconds(HttpResponseMessage response, string name) =>
        double.TryParse(Header(response, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? TimeSpan.FromSeconds(value) : null;

    [LoggerMessage(1201, LogLevel.Warning, "Discord rate-limited {Route} for {RetryAfter} (global: {Global})")]
    private partial void LogRateLimited(string route, TimeSpan retryAfter, bool global);

    [LoggerMessage(1202, LogLevel.Debug, "Waiting {Wait} for the rate-limit bucket of {Route}")]
    private partial void LogBucketWait(string route, TimeSpan wait);

    [LoggerMessage(1203, LogLevel.Information, "Retrying {Route} (attempt {Attempt} failed: {Reason})")]
    private partial void LogRetrying(string route, int attempt, string reason);

    [LoggerMessage(1204, LogLevel.Error, "{Count} invalid Discord requests in 10 minutes; pausing REST calls for {Delay} to stay clear of Discord's ban at 10,000")]
    private partial void LogInvalidBudgetSpent(int count, TimeSpan delay);

    private sealed record Outcome(string? Body, DiscordRestException? Error, bool MayRetry, TimeSpan BackoffBeforeRetry)
    {
        public static Outcome Succeeded(string body) => new(body, null, false, TimeSpan.Zero);

        public static Outcome Failed(DiscordRestException error, bool mayRetry, TimeSpan backoff) => new(null, error, mayRetry, backoff);
    }
}
