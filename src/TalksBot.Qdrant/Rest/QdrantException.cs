using System.Net;

namespace TalksBot.Qdrant.Rest;

/// <summary>A Qdrant request failed: carries the HTTP status (null when Qdrant could not be reached) and Qdrant's own error text.</summary>
public sealed class QdrantException : Exception
{
    public QdrantException(string operation, HttpStatusCode? statusCode, string? qdrantError, Exception? innerException = null)
        : base(Describe(operation, statusCode, qdrantError), innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        QdrantError = qdrantError;
    }

    public QdrantException() : this("request", null, null) { }

    public QdrantException(string message) : base(message) => Operation = "request";

    public QdrantException(string message, Exception innerException) : base(message, innerException) => Operation = "request";

    /// <summary>What we asked for, e.g. <c>query talks</c>.</summary>
    public string Operation { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>Qdrant's <c>status.error</c>, or the plain-text body (401), or the transport error.</summary>
    public string? QdrantError { get; }

    /// <summary>Worth retrying when the operation is idempotent: unreachable, timed out, rate-limited or a gateway error.</summary>
    public bool IsTransient => StatusCode is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static string Describe(string operation, HttpStatusCode? statusCode, string? qdrantError) => statusCode is { } status
        ? $"Qdrant {operation} failed with {(int)status} {status}: {qdrantError}"
        : $"Qdrant {operation} failed: {qdrantError}";
}
