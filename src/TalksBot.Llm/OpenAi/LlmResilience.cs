using System.ClientModel;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace TalksBot.Llm.OpenAi;

/// <summary>
/// Per-attempt timeout inside retries with exponential backoff and jitter, on 429, 5xx and timeouts only, honouring
/// a capped Retry-After. The SDK's own retries are switched off (see <see cref="OpenAiClientFactory"/>) so this is the only policy.
/// </summary>
internal sealed class LlmResilience
{
    private readonly ResiliencePipeline _pipeline;
    private readonly LlmOptions _options;

    public LlmResilience(LlmOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested
                    && args.Outcome.Exception is TimeoutRejectedException or LlmException { IsRetryable: true }),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is LlmException { RetryAfter: { } wait }
                        ? (TimeSpan?)(wait < options.MaxRetryAfter ? wait : options.MaxRetryAfter)
                        : null),
                OnRetry = args =>
                {
                    logger.LogRetrying(args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, Describe(args.Outcome.Exception));
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = builder.AddTimeout(options.RequestTimeout).Build();
    }

    /// <summary>Runs <paramref name="attempt"/> with the policy; every failure leaves as an <see cref="LlmException"/>.</summary>
    public async Task<T> ExecuteAsync<T>(
        Func<CancellationToken, Task<T>> attempt, string? apiKey, string modelSetting, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    try
                    {
                        return await attempt(token);
                    }
                    catch (Exception exception) when (!token.IsCancellationRequested && Translate(exception, apiKey, modelSetting) is { } translated)
                    {
                        throw translated;
                    }
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            throw LlmErrors.Timeout(_options.RequestTimeout);
        }
    }

    /// <summary>Maps an SDK or transport exception raised outside the policy (e.g. mid-stream); null for anything else.</summary>
    public LlmException? Translate(Exception exception, string? apiKey, string modelSetting) => exception switch
    {
        LlmException llm => llm,
        ClientResultException result => LlmErrors.FromClientResult(result, apiKey, modelSetting),
        HttpRequestException http => LlmErrors.Unreachable(http),
        // A connection reset while a streamed body is read surfaces as an IOException rather than an HttpRequestException.
        IOException io => new LlmException(LlmFailure.Unavailable, "the connection to the endpoint dropped", innerException: io),
        // The SDK's network timeout surfaces as a cancellation nobody asked for.
        OperationCanceledException => LlmErrors.Timeout(_options.RequestTimeout),
        _ => null,
    };

    private static string Describe(Exception? exception) => exception switch
    {
        LlmException llm => llm.Reason,
        TimeoutRejectedException => "the attempt timed out",
        null => "no exception",
        _ => exception.GetType().Name,
    };
}
