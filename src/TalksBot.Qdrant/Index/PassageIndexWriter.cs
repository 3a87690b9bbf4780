using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Articles;
using TalksBot.Core.Embeddings;
using TalksBot.Core.Passages;
using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant.Index;

/// <summary>
/// Builds the passage index into a new versioned collection and swaps the alias to it atomically, so readers see either
/// the old index or the complete new one. Any failure before the swap leaves the alias alone and deletes the half-built collection.
/// </summary>
public sealed partial class PassageIndexWriter(
    QdrantIndexClient client,
    IOptions<QdrantOptions> options,
    TimeProvider time,
    ILogger<PassageIndexWriter> logger,
    QdrantPointCopier copier) : IDisposable
{
    /// <summary>
    /// Passages per embedding call and per upsert: inside Qdrant's recommended 64–256 points per request. The bench times
    /// the model and the upsert on batches of this size.
    /// </summary>
    public const int BatchSize = 64;

    // Embedded batches waiting for their upsert: two keep the model busy through an upsert's latency without holding
    // many batches' sentence vectors in memory.
    private const int BatchesAhead = 2;
    private const string VersionFormat = "yyyyMMddHHmmssfff";

    // One build or rollback at a time in this process: a concurrent build's clean-up would delete the other's new collection.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _alias = options.Value.Alias;
    private readonly string _versionPrefix = options.Value.CollectionPrefix + "_v";
    private readonly CollectionLayout _layout = CollectionLayout.From(options.Value);

    /// <summary>The alias readers query.</summary>
    public string Alias => _alias;

    /// <summary>
    /// Embeds and stores every passage in a new collection, verifies it (exact point count, every article present with
    /// all its passages), records the <see cref="IndexManifest"/>, swaps the alias, keeps the previously served collection
    /// for rollback and deletes older versions.
    /// </summary>
    /// <param name="fingerprint">Covers the chunker version and the embedder's name and dimension; recorded in the manifest.</param>
    /// <exception cref="IndexBuildException">The input is unusable or the stored collection failed verification.</exception>
    /// <exception cref="QdrantException">Qdrant refused a request.</exception>
    public async Task<IndexBuildResult> BuildAsync(
        IReadOnlyList<ArticlePassages> articles,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        string fingerprint,
        IProgress<IndexBuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        var points = Flatten(articles);
        return await GatedAsync(() => BuildCoreAsync(articles, points, embedder, fingerprint, progress, reuse: null, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Builds a new version like <see cref="BuildAsync"/>, but copies the points of articles unchanged since the served
    /// manifest (same id, content hash, fingerprint and schema) instead of embedding them again. Removed articles are simply
    /// not carried over.
    /// </summary>
    public async Task<IndexRefreshResult> RefreshAsync(
        IReadOnlyList<ArticlePassages> articles,
        IEmbeddingGenerator<string, Embedding<float>> embedder,
        string fingerprint,
        IProgress<IndexBuildProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentException.ThrowIfNullOrWhiteSpace(fingerprint);
        var points = Flatten(articles);
        return await GatedAsync(async () =>
        {
            var source = await client.ResolveAliasAsync(_alias, cancellationToken);
            var serving = source is null ? null : await ReadManifestAsync(source, cancellationToken);
            var plan = RefreshPlan.Create(articles, serving, fingerprint);
            var reuse = source is not null && plan.Reused.Count > 0 ? (source, plan.Reused) : default((string, IReadOnlySet<string>)?);
            var build = await BuildCoreAsync(articles, points, embedder, fingerprint, progress, reuse, cancellationToken);
            var copied = reuse is null ? 0 : points.Count(p => plan.Reused.Contains(p.Article.Article.Id));
            return new IndexRefreshResult(build, plan, points.Count - copied, copied);
        }, cancellationToken);
    }

    private async Task<T> GatedAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Deletes our versioned collections that are neither served nor the kept previous one (the newest complete version
    /// older than the served one): what a crashed build leaves behind. Call it where no build can be running (under the refresh lock).
    /// </summary>
    public Task<IReadOnlyList<string>> DeleteOrphansAsync(CancellationToken cancellationToken) =>
        GatedAsync<IReadOnlyList<string>>(async () =>
        {
            var served = await client.ResolveAliasAsync(_alias, cancellationToken);
            var versions = await ListVersionsAsync(cancellationToken);
            // Kept: the previous complete version for rollback and, after a rollback, the version rolled back from (newer
            // than the served one) for rollforward, until the next build replaces both.
            var previous = served is null ? null : (await NewestCompleteAsync(versions, c => string.CompareOrdinal(c, served) < 0, cancellationToken))?.Collection;
            var rolledBackFrom = served is null ? null : (await NewestCompleteAsync(versions, c => string.CompareOrdinal(c, served) > 0, cancellationToken))?.Collection;

            var deleted = new List<string>();
            foreach (var name in versions)
            {
                if (name != served && name != previous && name != rolledBackFrom)
                {
                    await client.DeleteCollectionAsync(name, cancellationToken);
                    deleted.Add(name);
                    LogDeletedOrphan(name);
                }
            }

            return deleted;
        }, cancellationToken);

    /// <summary>
    /// Removes the alias and every versioned collection of this index: for a throw-away index (the eval's own), never the
    /// served one. Waits for a running build here to end first, so none is left half-made behind the clean-up.
    /// </summary>
    /// <returns>The collections deleted.</returns>
    public Task<IReadOnlyList<string>> DeleteAllAsync(CancellationToken cancellationToken) =>
        GatedAsync<IReadOnlyList<string>>(async () =>
        {
            await client.UpdateAliasesAsync([AliasAction.Delete(_alias)], cancellationToken);
            var deleted = new List<string>();
            foreach (var name in await ListVersionsAsync(cancellationToken))
            {
                await client.DeleteCollectionAsync(name, cancellationToken);
                deleted.Add(name);
            }

            return deleted;
        }, cancellationToken);

    private async Task<IndexBuildResult> BuildCoreAsync(IReadOnlyList<ArticlePassages> articles, List<(ArticlePassages Article, Passage Passage)> points,
        IEmbeddingGenerator<string, Embedding<float>> embedder, string fingerprint, IProgress<IndexBuildProgress>? progress,
        (string Source, IReadOnlySet<string> Articles)? reuse, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var collection = _versionPrefix + time.GetUtcNow().ToString(VersionFormat, CultureInfo.InvariantCulture);
        var manifest = CreateManifest(collection, fingerprint, articles, points.Count);
        var previous = await client.ResolveAliasAsync(_alias, cancellationToken);
        LogBuilding(collection, articles.Count, points.Count, previous);

        int? dimensions = null;
        var done = 0;
        async Task EnsureCreatedAsync(int size, CancellationToken token)
        {
            if (dimensions is null)
            {
                // The dimension is known once the embedder has answered (or a copied point is read), so the collection is created then.
                await CreateCollectionAsync(collection, size, fingerprint, token);
                dimensions = size;
                await CreatePayloadIndexesAsync(collection, token);
            }
        }

        try
        {
            if (reuse is { } source)
            {
                done = await copier.CopyArticlesAsync(source.Source, collection, source.Articles, EnsureCreatedAsync,
                    copied => progress?.Report(new IndexBuildProgress(copied, points.Count)), cancellationToken);
            }

            var toEmbed = reuse is { } r ? points.Where(p => !r.Articles.Contains(p.Article.Article.Id)).ToList() : points;
            await EmbedAndUpsertAsync(collection, toEmbed, embedder, dimensions, EnsureCreatedAsync, stored =>
            {
                done += stored;
                progress?.Report(new IndexBuildProgress(done, points.Count));
            }, cancellationToken);

            await VerifyAsync(collection, articles, points.Count, cancellationToken);
            await client.UpdateCollectionMetadataAsync(collection,
                new Dictionary<string, JsonElement> { [IndexManifest.MetadataKey] = JsonSerializer.SerializeToElement(manifest, IndexJsonContext.Default.IndexManifest) },
                cancellationToken);
            await client.UpdateAliasesAsync([AliasAction.Delete(_alias), AliasAction.Create(_alias, collection)], cancellationToken);
        }
        catch (Exception e)
        {
            LogBuildFailed(e, collection, _alias, previous);
            // Only once our create succeeded: a failed create may have met a same-named collection that is not ours to delete.
            if (dimensions is not null)
            {
                await DiscardAsync(collection);
            }

            throw;
        }

        var deleted = await DeleteOlderVersionsAsync(keep: [collection, previous]);
        var elapsed = time.GetElapsedTime(started);
        LogBuilt(collection, manifest.ArticleCount, manifest.PassageCount, elapsed.TotalMilliseconds, _alias);
        return new IndexBuildResult(manifest, previous, deleted, elapsed);
    }

    /// <summary>The manifest of the collection the alias serves; null when nothing is served yet.</summary>
    public async Task<IndexManifest?> GetServingManifestAsync(CancellationToken cancellationToken)
    {
        var collection = await client.ResolveAliasAsync(_alias, cancellationToken);
        if (collection is null)
        {
            return null;
        }

        return await ReadManifestAsync(collection, cancellationToken);
    }

    private async Task<IndexManifest?> ReadManifestAsync(string collection, CancellationToken cancellationToken)
    {
        var description = await client.GetCollectionAsync(collection, cancellationToken);
        return description.Metadata.TryGetValue(IndexManifest.MetadataKey, out var manifest)
            ? manifest.Deserialize(IndexJsonContext.Default.IndexManifest)
            : null;
    }

    /// <summary>Points the alias back at the newest of our collections older than the one served; returns its manifest.</summary>
    /// <exception cref="IndexBuildException">Nothing is served, or there is no earlier complete collection.</exception>
    public Task<IndexManifest> RollbackAsync(CancellationToken cancellationToken) => MoveAliasAsync(forward: false, cancellationToken);

    /// <summary>Points the alias forward again, at the version a rollback went back from; returns its manifest.</summary>
    /// <exception cref="IndexBuildException">Nothing is served, or no complete version newer than the served one is kept.</exception>
    public Task<IndexManifest> RollforwardAsync(CancellationToken cancellationToken) => MoveAliasAsync(forward: true, cancellationToken);

    // Rollback and rollforward differ only in which side of the served version they look: older, or newer.
    private Task<IndexManifest> MoveAliasAsync(bool forward, CancellationToken cancellationToken) =>
        GatedAsync(async () =>
        {
            var current = await client.ResolveAliasAsync(_alias, cancellationToken)
                ?? throw new IndexBuildException($"Nothing is served under the alias '{_alias}', so there is nothing to roll {(forward ? "forward" : "back")}.");
            var (target, manifest) = await NewestCompleteAsync(await ListVersionsAsync(cancellationToken),
                    c => forward ? string.CompareOrdinal(c, current) > 0 : string.CompareOrdinal(c, current) < 0, cancellationToken)
                ?? throw new IndexBuildException(forward
                    ? $"'{current}' is the newest version kept: roll forward follows a rollback, until the next refresh."
                    : $"No earlier complete index than '{current}' is kept, so '{_alias}' cannot be rolled back.");
            await client.UpdateAliasesAsync([AliasAction.Delete(_alias), AliasAction.Create(_alias, target)], cancellationToken);
            if (forward)
                LogRolledForward(_alias, current, target);
            else
                LogRolledBack(_alias, current, target);
            return manifest;
        }, cancellationToken);

    // The newest of our versions that completed (carries a manifest) among those the filter keeps, with its manifest;
    // a version without one never finished building and is nothing to serve.
    private async Task<(string Collection, IndexManifest Manifest)?> NewestCompleteAsync(IEnumerable<string> versions, Func<string, bool> filter,
        CancellationToken cancellationToken)
    {
        foreach (var candidate in versions.Where(filter).OrderDescending(StringComparer.Ordinal))
        {
            if (await ReadManifestAsync(candidate, cancellationToken) is { } manifest)
                return (candidate, manifest);
        }

        return null;
    }

    public void Dispose() => _gate.Dispose();

    private static List<(ArticlePassages Article, Passage Passage)> Flatten(IReadOnlyList<ArticlePassages> articles)
    {
        var articleIds = new HashSet<string>(StringComparer.Ordinal);
        var passageIds = new HashSet<Guid>();
        var points = new List<(ArticlePassages, Passage)>();
        foreach (var entry in articles)
        {
            if (!articleIds.Add(entry.Article.Id))
            {
                throw new IndexBuildException($"Article '{entry.Article.Id}' appears twice.");
            }

            foreach (var passage in entry.Passages)
            {
                if (passage.ArticleId != entry.Article.Id)
                {
                    throw new IndexBuildException($"Passage {passage.Id} belongs to '{passage.ArticleId}' but was given with '{entry.Article.Id}'.");
                }

                if (!passageIds.Add(passage.Id))
                {
                    throw new IndexBuildException($"Passage id {passage.Id} appears twice (article '{passage.ArticleId}').");
                }

                points.Add((entry, passage));
            }
        }

        return points.Count > 0
            ? points
            : throw new IndexBuildException("There are no passages to index; an empty index would answer nothing.");
    }

    private IndexManifest CreateManifest(string collection, string fingerprint, IReadOnlyList<ArticlePassages> articles, int passageCount)
    {
        var indexed = articles
            .Select(a => new IndexedArticle(a.Article.Id, a.Article.ContentHash, a.Passages.Count, a.Article.Info.Title,
                a.Article.Info.Url, a.Article.Info.Published, a.Article.Info.Author))
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .ToArray();
        return new IndexManifest(collection, fingerprint,
            IndexManifest.ComputeSetHash(fingerprint, indexed.Select(a => (a.Id, a.ContentHash))),
            PassagePayload.CurrentSchemaVersion, indexed.Length, passageCount, time.GetUtcNow(), indexed);
    }

    /// <summary>
    /// Embeds batches on one task while the previous batches are upserted on this one: the model is the cost of indexing,
    /// so the upsert (and Qdrant's BM25 and HNSW work behind it) runs in the model's shadow. The channel holds at most
    /// <see cref="BatchesAhead"/> embedded batches, so a slow Qdrant holds the embedder back instead of filling memory.
    /// </summary>
    private async Task EmbedAndUpsertAsync(string collection, List<(ArticlePassages Article, Passage Passage)> toEmbed,
        IEmbeddingGenerator<string, Embedding<float>> embedder, int? dimensions, Func<int, CancellationToken, Task> ensureCreated,
        Action<int> stored, CancellationToken cancellationToken)
    {
        var embedded = Channel.CreateBounded<EmbeddedBatch>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var embedding = Task.Run(() => EmbedBatchesAsync(toEmbed, embedder, dimensions, embedded.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in embedded.Reader.ReadAllAsync(stop.Token))
            {
                await ensureCreated(batch.Dimensions, stop.Token);
                await UpsertAsync(collection, batch.Passages, batch.Embeddings, stop.Token);
                stored(batch.Passages.Count);
            }
        }
        finally
        {
            // However the upserts end, no batch is embedded for nobody; the embedder's own failure is rethrown here.
            await stop.CancelAsync();
            try
            {
                await embedding;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Stopped because the upsert side failed; that failure is the one being thrown.
            }
        }
    }

    private static async Task EmbedBatchesAsync(List<(ArticlePassages Article, Passage Passage)> toEmbed,
        IEmbeddingGenerator<string, Embedding<float>> embedder, int? dimensions, ChannelWriter<EmbeddedBatch> output, CancellationToken cancellationToken)
    {
        try
        {
            for (var offset = 0; offset < toEmbed.Count; offset += BatchSize)
            {
                var batch = toEmbed.GetRange(offset, Math.Min(BatchSize, toEmbed.Count - offset));
                var embeddings = await EmbedAsync(batch, embedder, dimensions, cancellationToken);
                dimensions ??= embeddings[0].Vector.Length;
                await output.WriteAsync(new EmbeddedBatch(batch, embeddings, dimensions.Value), cancellationToken);
            }

            output.Complete();
        }
        catch (Exception e)
        {
            output.Complete(e);
            throw;
        }
    }

    /// <summary>
    /// Embeds every sentence of the batch in one call; a passage's vector is the normalised mean of its sentences' (and
    /// its heading's) vectors. The model is the cost of indexing, so each sentence is embedded once and serves both the
    /// passage search and the sentence ranker.
    /// </summary>
    private static async Task<List<EmbeddedPassage>> EmbedAsync(List<(ArticlePassages Article, Passage Passage)> batch,
        IEmbeddingGenerator<string, Embedding<float>> embedder, int? dimensions, CancellationToken cancellationToken)
    {
        var layout = PassageSentenceLayout.Create(batch.Select(b => b.Passage));
        var embeddings = await embedder.GenerateAsync(layout.Texts, options: null, cancellationToken);
        if (embeddings.Count != layout.Texts.Count)
        {
            throw new IndexBuildException($"The embedder returned {embeddings.Count} vectors for {layout.Texts.Count} sentences.");
        }

        var expected = dimensions ?? embeddings[0].Vector.Length;
        if (embeddings.FirstOrDefault(e => e.Vector.Length != expected) is { } odd)
        {
            throw new IndexBuildException($"The embedder returned a {odd.Vector.Length}-dimensional vector among {expected}-dimensional ones.");
        }

        return [.. layout.Combine(embeddings).Select(p => new EmbeddedPassage(p.Vector, p.Sentences))];
    }

    private async Task CreateCollectionAsync(string collection, int dimensions, string fingerprint, CancellationToken cancellationToken)
    {
        await client.CreateCollectionAsync(collection, dimensions, new Dictionary<string, JsonElement>
        {
            ["created_by"] = JsonSerializer.SerializeToElement("talksbot", IndexJsonContext.Default.String),
            ["fingerprint"] = JsonSerializer.SerializeToElement(fingerprint, IndexJsonContext.Default.String),
            ["schema_version"] = JsonSerializer.SerializeToElement(PassagePayload.CurrentSchemaVersion, IndexJsonContext.Default.Int32),
        }, _layout, cancellationToken);
    }

    /// <summary>
    /// Creates an empty collection as a build creates each version (the configured layout, the payload indexes), outside
    /// the versions this writer manages: <c>talksbot bench</c> times its raw upsert on it, and deletes it.
    /// </summary>
    public async Task CreateScratchCollectionAsync(string collection, int dimensions, CancellationToken cancellationToken)
    {
        await client.CreateCollectionAsync(collection, dimensions, metadata: null, _layout, cancellationToken);
        await CreatePayloadIndexesAsync(collection, cancellationToken);
    }

    private async Task CreatePayloadIndexesAsync(string collection, CancellationToken cancellationToken)
    {
        // Payload indexes go in before the points, as Qdrant advises; article_hash lets a later refresh find reusable points.
        // Not waited for: the upserts wait, and Qdrant applies a collection's updates in order.
        await client.CreateKeywordIndexAsync(collection, "article_id", wait: false, cancellationToken);
        await client.CreateKeywordIndexAsync(collection, "article_hash", wait: false, cancellationToken);
    }

    private async Task UpsertAsync(string collection, List<(ArticlePassages Article, Passage Passage)> batch,
        List<EmbeddedPassage> embeddings, CancellationToken cancellationToken)
    {
        var points = new PassagePoint[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var (entry, passage) = batch[i];
            points[i] = ToPoint(entry.Article, passage, embeddings[i].Vector, embeddings[i].Sentences);
        }

        await client.UpsertAsync(collection, points, cancellationToken);
    }

    /// <summary>The point stored for a passage; public so <c>talksbot bench</c> upserts exactly what an ingest upserts.</summary>
    public static PassagePoint ToPoint(Article article, Passage passage, float[] vector, SentenceVectors? sentences)
    {
        ArgumentNullException.ThrowIfNull(passage);
        return new PassagePoint(passage.Id, new PointVectors(vector, new Bm25Document(passage.SearchText)), PassagePayloads.From(article, passage, sentences));
    }

    private async Task VerifyAsync(string collection, IReadOnlyList<ArticlePassages> articles, int passageCount, CancellationToken cancellationToken)
    {
        var count = await client.CountAsync(collection, filter: null, cancellationToken);
        if (count != passageCount)
        {
            throw new IndexBuildException($"Collection '{collection}' holds {count} points after upserting {passageCount} passages.");
        }

        var perArticle = await client.FacetAsync(collection, "article_id", articles.Count + 1, cancellationToken);
        foreach (var entry in articles.Where(a => a.Passages.Count > 0))
        {
            var stored = perArticle.GetValueOrDefault(entry.Article.Id);
            if (stored != entry.Passages.Count)
            {
                throw new IndexBuildException(
                    $"Collection '{collection}' holds {stored} points for article '{entry.Article.Id}', which has {entry.Passages.Count} passages.");
            }
        }
    }

    // Runs after a failure, possibly a cancellation: uses its own token so the half-built collection still goes.
    private async Task DiscardAsync(string collection)
    {
        try
        {
            if (await client.ResolveAliasAsync(_alias, CancellationToken.None) == collection)
            {
                return; // The swap landed although its answer was lost: deleting would take the alias with it.
            }

            await client.DeleteCollectionAsync(collection, CancellationToken.None);
        }
        catch (QdrantException e)
        {
            LogDiscardFailed(e, collection);
        }
    }

    private async Task<IReadOnlyList<string>> DeleteOlderVersionsAsync(IReadOnlyCollection<string?> keep)
    {
        var deleted = new List<string>();
        try
        {
            foreach (var name in await ListVersionsAsync(CancellationToken.None))
            {
                if (!keep.Contains(name))
                {
                    await client.DeleteCollectionAsync(name, CancellationToken.None);
                    deleted.Add(name);
                    LogDeletedOld(name);
                }
            }
        }
        catch (QdrantException e)
        {
            // The new index is already served; a leftover old collection is only disk space, removed by the next build.
            LogCleanupFailed(e);
        }

        return deleted;
    }

    private async Task<List<string>> ListVersionsAsync(CancellationToken cancellationToken) =>
        [.. (await client.ListCollectionsAsync(cancellationToken)).Where(IsOurVersion)];

    private bool IsOurVersion(string name) =>
        name.Length == _versionPrefix.Length + VersionFormat.Length
        && name.StartsWith(_versionPrefix, StringComparison.Ordinal)
        && name.AsSpan(_versionPrefix.Length).ContainsAnyExceptInRange('0', '9') is false;

    [LoggerMessage(3020, LogLevel.Information, "Building index {Collection} from {ArticleCount} articles, {PassageCount} passages (alias now on {Previous})")]
    private partial void LogBuilding(string collection, int articleCount, int passageCount, string? previous);

    [LoggerMessage(3021, LogLevel.Information, "Built index {Collection}: {ArticleCount} articles, {PassageCount} passages in {ElapsedMs:F0} ms; alias {Alias} now serves it")]
    private partial void LogBuilt(string collection, int articleCount, int passageCount, double elapsedMs, string alias);

    [LoggerMessage(3022, LogLevel.Error, "Building index {Collection} failed; alias {Alias} left on {Previous}")]
    private partial void LogBuildFailed(Exception exception, string collection, string alias, string? previous);

    [LoggerMessage(3023, LogLevel.Warning, "Could not delete the half-built collection {Collection}; the next build removes it")]
    private partial void LogDiscardFailed(Exception exception, string collection);

    [LoggerMessage(3024, LogLevel.Information, "Deleted old index collection {Collection}")]
    private partial void LogDeletedOld(string collection);

    [LoggerMessage(3025, LogLevel.Warning, "Could not delete old index collections; the next build retries")]
    private partial void LogCleanupFailed(Exception exception);

    [LoggerMessage(3027, LogLevel.Warning, "Deleted orphaned index collection {Collection} (neither served nor kept for rollback)")]
    private partial void LogDeletedOrphan(string collection);

    // Information: a moderator asked for it, and the command says so itself.
    [LoggerMessage(3026, LogLevel.Information, "Rolled alias {Alias} back from {From} to {To}")]
    private partial void LogRolledBack(string alias, string from, string to);

    [LoggerMessage(3029, LogLevel.Information, "Rolled alias {Alias} forward from {From} to {To}")]
    private partial void LogRolledForward(string alias, string from, string to);

    private sealed record EmbeddedPassage(float[] Vector, SentenceVectors? Sentences);

    private sealed record EmbeddedBatch(List<(ArticlePassages Article, Passage Passage)> Passages, List<EmbeddedPassage> Embeddings, int Dimensions);
}
