using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TalksBot.Qdrant;

/// <summary>Where the passage index lives: an external Qdrant (<see cref="Url"/>) or a managed local one.</summary>
public sealed class QdrantOptions : IValidatableObject
{
    public const string Section = "Qdrant";

    /// <summary>Qdrant's default gRPC port, beside the REST port 6333 of <see cref="Url"/>.</summary>
    public const int DefaultGrpcPort = 6334;

    private const int MaxShards = 256;
    private const int MaxReplicas = 16;

    /// <summary>An external Qdrant, e.g. <c>http://qdrant:6333</c>. Absent: the app starts and manages a local server.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// Qdrant's gRPC endpoint, which every index operation uses. Absent: the host of <see cref="Url"/> on port
    /// <see cref="DefaultGrpcPort"/> (same scheme), or the managed server's <c>Qdrant:Local:GrpcPort</c>.
    /// </summary>
    public Uri? GrpcUrl { get; set; }

    /// <summary>Sent as the <c>api-key</c> metadata of every gRPC call (and given to the managed server). Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The alias searches read from; re-indexing swaps it to a new collection.</summary>
    [Required(ErrorMessage = "Qdrant:Alias is required")]
    [RegularExpression("^[A-Za-z0-9_-]{1,64}$", ErrorMessage = "Qdrant:Alias must be 1-64 letters, digits, '_' or '-'")]
    public string Alias { get; set; } = "talks";

    /// <summary>Versioned collections are named <c>{CollectionPrefix}_v{timestamp}</c>.</summary>
    [Required(ErrorMessage = "Qdrant:CollectionPrefix is required")]
    [RegularExpression("^[A-Za-z0-9_-]{1,40}$", ErrorMessage = "Qdrant:CollectionPrefix must be 1-40 letters, digits, '_' or '-'")]
    public string CollectionPrefix { get; set; } = "talks";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a question's search may take, retries included, before the asker is told the index is temporarily
    /// unavailable. Far below <see cref="RequestTimeout"/>: a member waiting in Discord should hear within seconds.
    /// </summary>
    public TimeSpan SearchTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Shards of each new collection. Absent: Qdrant's default (one per node of the cluster at creation, so 1 on a single
    /// node). More shards than nodes lets a cluster grow without re-indexing.
    /// </summary>
    public int? ShardNumber { get; set; }

    /// <summary>
    /// Copies of each shard, on distinct nodes. Absent: Qdrant's default, 1, which loses every shard of a node that goes
    /// down. 2 keeps a 3-node cluster answering with one node down.
    /// </summary>
    public int? ReplicationFactor { get; set; }

    /// <summary>
    /// How many replicas of a shard must apply a write before Qdrant acknowledges it. Absent: Qdrant's default, 1. Above
    /// 1 an acknowledged write is on several nodes, but writes stop while fewer replicas are up.
    /// </summary>
    public int? WriteConsistencyFactor { get; set; }

    /// <summary>The managed local server, used only when <see cref="Url"/> is absent.</summary>
    [ValidateObjectMembers]
    public QdrantLocalOptions Local { get; set; } = new();

    /// <summary>Where the gRPC calls go: <see cref="GrpcUrl"/>, else <see cref="Url"/>'s host on 6334, else the managed server's port.</summary>
    public Uri GrpcAddress => GrpcUrl
        ?? (Url is { } rest
            ? new UriBuilder(rest.Scheme, rest.Host, DefaultGrpcPort).Uri
            : new Uri($"http://127.0.0.1:{Local.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/"));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Url is not null && !(Url.IsAbsoluteUri && (Url.Scheme == Uri.UriSchemeHttp || Url.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Qdrant:Url must be an absolute http(s) URL", [nameof(Url)]);
        }

        if (GrpcUrl is not null && !(GrpcUrl.IsAbsoluteUri && (GrpcUrl.Scheme == Uri.UriSchemeHttp || GrpcUrl.Scheme == Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Qdrant:GrpcUrl must be an absolute http(s) URL, e.g. http://qdrant:6334", [nameof(GrpcUrl)]);
        }
        else if (GrpcUrl is not null && Url is null)
        {
            // The managed server's gRPC port is Qdrant:Local:GrpcPort; a GrpcUrl alone would point past the server we start.
            yield return new ValidationResult("Qdrant:GrpcUrl needs Qdrant:Url (the managed server's gRPC port is Qdrant:Local:GrpcPort)", [nameof(GrpcUrl)]);
        }

        if (RequestTimeout < TimeSpan.FromMilliseconds(100) || RequestTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Qdrant:RequestTimeout must be between 100 ms and 10 minutes", [nameof(RequestTimeout)]);
        }

        if (SearchTimeout < TimeSpan.FromMilliseconds(100) || SearchTimeout > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("Qdrant:SearchTimeout must be between 100 ms and 10 minutes", [nameof(SearchTimeout)]);
        }

        // Qdrant allows any positive count, but a typo of 1000 shards would make a collection Qdrant struggles to serve.
        if (ShardNumber is < 1 or > MaxShards)
        {
            yield return new ValidationResult($"Qdrant:ShardNumber must be between 1 and {MaxShards}, or absent for Qdrant's default", [nameof(ShardNumber)]);
        }

        if (ReplicationFactor is < 1 or > MaxReplicas)
        {
            yield return new ValidationResult($"Qdrant:ReplicationFactor must be between 1 and {MaxReplicas}, or absent for Qdrant's default (1)", [nameof(ReplicationFactor)]);
        }

        if (WriteConsistencyFactor is < 1)
        {
            yield return new ValidationResult("Qdrant:WriteConsistencyFactor must be at least 1, or absent for Qdrant's default (1)", [nameof(WriteConsistencyFactor)]);
        }
        else if (WriteConsistencyFactor > (ReplicationFactor ?? 1))
        {
            // Every write would fail: a shard never has more replicas than the replication factor to confirm it.
            yield return new ValidationResult(
                $"Qdrant:WriteConsistencyFactor ({WriteConsistencyFactor}) must not exceed Qdrant:ReplicationFactor ({ReplicationFactor ?? 1})",
                [nameof(WriteConsistencyFactor)]);
        }

        if (string.Equals(Alias, CollectionPrefix + "_v", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Qdrant:Alias must differ from the collection names Qdrant:CollectionPrefix produces", [nameof(Alias)]);
        }
    }
}
