namespace TalksBot.Qdrant.Store;

/// <summary>
/// How a new collection is spread over a Qdrant cluster. A null field is left out of the request, so Qdrant applies its
/// own default (shards: one per node; replication and write consistency: 1).
/// </summary>
public sealed record CollectionLayout(int? ShardNumber, int? ReplicationFactor, int? WriteConsistencyFactor)
{
    /// <summary>Qdrant's defaults for every field.</summary>
    public static CollectionLayout Default { get; } = new(null, null, null);

    public static CollectionLayout From(QdrantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.ShardNumber, options.ReplicationFactor, options.WriteConsistencyFactor);
    }
}
