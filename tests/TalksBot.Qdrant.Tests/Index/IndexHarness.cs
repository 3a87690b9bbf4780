using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Embeddings;
using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Store;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests.Index;

/// <summary>A writer and a search over the shared Qdrant, with an alias and collection prefix no other test uses.</summary>
internal sealed class IndexHarness
{
    public const string Fingerprint = "test-chunker-v1|talksbot-hashing-v1-128";

    public IndexHarness(QdrantFixture qdrant, TimeProvider? time = null)
    {
        Options = qdrant.CreateOptions();
        Client = qdrant.CreateClient();
        Writer = new PassageIndexWriter(Client, Microsoft.Extensions.Options.Options.Create(Options), time ?? TimeProvider.System,
            NullLogger<PassageIndexWriter>.Instance, new QdrantPointCopier(Client));
        Search = new QdrantPassageSearch(Client, Embedder, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<QdrantPassageSearch>.Instance);
    }

    public QdrantOptions Options { get; }

    public QdrantIndexClient Client { get; }

    public HashingEmbeddingGenerator Embedder { get; } = new(dimensions: 128);

    public PassageIndexWriter Writer { get; }

    public QdrantPassageSearch Search { get; }

    public Task<IndexBuildResult> BuildAsync(IReadOnlyList<ArticlePassages> articles, CancellationToken cancellationToken) =>
        Writer.BuildAsync(articles, Embedder, Fingerprint, progress: null, cancellationToken);

    /// <summary>Our versioned collections, oldest first.</summary>
    public async Task<IReadOnlyList<string>> VersionsAsync(CancellationToken cancellationToken) =>
        [.. (await Client.ListCollectionsAsync(cancellationToken)).Where(c => c.StartsWith(Options.CollectionPrefix + "_v", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
