using Grpc.Core;

namespace TalksBot.Qdrant.Store;

/// <summary>
/// A Qdrant call failed: carries the gRPC status (null when Qdrant answered but the answer was unusable) and Qdrant's own
/// error text (<c>Status.Detail</c>), or the transport's when Qdrant could not be reached.
/// </summary>
public sealed class QdrantException : Exception
{
    public QdrantException(string operation, StatusCode? statusCode, string? qdrantError, Exception? innerException = null)
        : this(operation, statusCode, qdrantError, Describe(operation, statusCode, qdrantError), innerException)
    {
    }

    public QdrantException(string operation, StatusCode? statusCode, string? qdrantError, string message, Exception? innerException)
        : base(message, innerException)
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

    public StatusCode? StatusCode { get; }

    /// <summary>Qdrant's error text (<c>Status.Detail</c>), or the transport error when Qdrant could not be reached.</summary>
    public string? QdrantError { get; }

    /// <summary>
    /// Worth retrying when the operation is idempotent: Qdrant unreachable (Unavailable), too slow (DeadlineExceeded),
    /// overloaded (ResourceExhausted), a conflicting concurrent update (Aborted), or, on a cluster, another node holding a
    /// replica could not be reached. Every other status repeats itself.
    /// </summary>
    public bool IsTransient => StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded
        or Grpc.Core.StatusCode.ResourceExhausted or Grpc.Core.StatusCode.Aborted
        || IsPeerUnreachable;

    // The node we call answers Internal when the node leading a shard's writes has just gone: "Failed to apply update with
    // Medium ordering via leader peer …: … status: Unavailable, message: "Failed to connect to …"". Qdrant marks that
    // replica Dead as it fails, so the next attempt goes through the shard's other replicas (seen on 1.16.3).
    private bool IsPeerUnreachable => StatusCode == Grpc.Core.StatusCode.Internal
        && QdrantError?.Contains("status: Unavailable", StringComparison.Ordinal) == true;

    private static string Describe(string operation, StatusCode? statusCode, string? qdrantError) => statusCode is { } status
        ? $"Qdrant {operation} failed with {status}: {qdrantError}"
        : $"Qdrant {operation} failed: {qdrantError}";
}
