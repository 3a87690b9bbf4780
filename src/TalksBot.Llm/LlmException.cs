namespace TalksBot.Llm;

/// <summary>
/// A failed call to the language model endpoint. <see cref="Exception.Message"/> is plain words safe to show an
/// operator: it never contains the API key, and the server's own error text is only included with the key removed.
/// </summary>
public sealed class LlmException : Exception
{
    public LlmException()
        : this(LlmFailure.Unavailable, "the language model call failed")
    {
    }

    public LlmException(string message)
        : this(LlmFailure.Unavailable, message)
    {
    }

    public LlmException(string message, Exception innerException)
        : this(LlmFailure.Unavailable, message, innerException: innerException)
    {
    }

    public LlmException(LlmFailure failure, string reason, int? status = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(reason, innerException)
    {
        Failure = failure;
        Reason = reason;
        Status = status;
        RetryAfter = retryAfter;
    }

    public LlmFailure Failure { get; }

    /// <summary>A short clause for a reader, e.g. "the API key was rejected (set Llm:ApiKey)".</summary>
    public string Reason { get; }

    /// <summary>The HTTP status, when the endpoint answered.</summary>
    public int? Status { get; }

    /// <summary>The server's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>
    /// Worth another attempt: rate limiting, server errors and timeouts. A refused connection is not: the server is
    /// down, and waiting through retries would only delay the fallback answer.
    /// </summary>
    public bool IsRetryable => Failure is LlmFailure.RateLimited or LlmFailure.ServerError or LlmFailure.Timeout;
}
