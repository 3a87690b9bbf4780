using TalksBot.Core.Embeddings;
using TalksBot.Core.Text;
using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Store;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests.Index;

public sealed class PassageIndexWriterTests(QdrantFixture qdrant)
{
    private readonly IndexHarness _index = new(qdrant, new SteppingTimeProvider());
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BuildServesANewVersionedCollectionUnderTheAlias()
    {
        var result = await _index.BuildAsync(TestArticles.All, Ct);

        Assert.Equal(result.Manifest.Collection, await _index.Client.ResolveAliasAsync(_index.Options.Alias, Ct));
        Assert.Matches($"^{_index.Options.CollectionPrefix}_v2025021809\\d{{4}}000$", result.Manifest.Collection);
        Assert.Equal(TestArticles.All.Sum(a => a.Passages.Count), await _index.Client.CountAsync(_index.Options.Alias, null, Ct));
    }

    [Fact]
    public async Task ServingManifestRecordsTheArticlesAndMatchesOnlyTheSameSet()
    {
        await _index.BuildAsync(TestArticles.All, Ct);
        var articles = TestArticles.All.Select(a => a.Article).ToArray();
        var changed = articles.Select((a, i) => i == 0 ? a with { ContentHash = "changed" } : a).ToArray();

        var manifest = await _index.Writer.GetServingManifestAsync(Ct);

        Assert.NotNull(manifest);
        Assert.Equal(IndexHarness.Fingerprint, manifest.Fingerprint);
        Assert.Equal(3, manifest.ArticleCount);
        Assert.Equal(9, manifest.PassageCount);
        Assert.Equal(articles.Select(a => (a.Id, a.ContentHash)).Order(), manifest.Articles.Select(a => (a.Id, a.ContentHash)).Order());
        Assert.True(manifest.Matches(IndexHarness.Fingerprint, articles.Reverse()));
        Assert.False(manifest.Matches(IndexHarness.Fingerprint, changed));
        Assert.False(manifest.Matches("another-embedder", articles));
    }

    [Fact]
    public async Task ServingManifestIsNullWhenNothingIsServed()
    {
        Assert.Null(await _index.Writer.GetServingManifestAsync(Ct));
    }

    [Fact]
    public async Task IngestingTheSameArticlesTwiceYieldsTheSamePoints()
    {
        var first = await _index.BuildAsync(TestArticles.All, Ct);
        var firstPoints = await AllPointsAsync(first.Manifest.Collection);

        var second = await _index.BuildAsync(TestArticles.All, Ct);
        var secondPoints = await AllPointsAsync(second.Manifest.Collection);

        Assert.NotEqual(first.Manifest.Collection, second.Manifest.Collection);
        Assert.Equal(first.Manifest.SetHash, second.Manifest.SetHash);
        Assert.Equal(firstPoints, secondPoints);
        Assert.Equal(TestArticles.All.SelectMany(a => a.Passages).Select(p => p.Id).Order(), secondPoints.Select(p => p.Id));
    }

    [Fact]
    public async Task EveryPointCarriesThePayloadCitationsAndRefreshesNeed()
    {
        var result = await _index.BuildAsync([TestArticles.Outcome], Ct);
        var passage = TestArticles.Passage(TestArticles.Outcome, 1);
        var article = TestArticles.Outcome.Article;

        var sentences = await _index.Embedder.GenerateAsync(SentenceSplitter.Split(passage.Text).Select(s => s.Text), cancellationToken: Ct);

        var stored = (await AllPointsAsync(result.Manifest.Collection)).Single(p => p.Id == passage.Id).Payload;

        Assert.Equal(new PassagePayload(article.Id, article.Info.Title, article.Info.Url, article.Info.Published, article.Info.Author,
            article.ContentHash, passage.Ordinal, passage.Heading, passage.Text, passage.Start, passage.End, PassagePayload.CurrentSchemaVersion,
            SentenceVectors.From([.. sentences.Select(e => e.Vector)]).ToBase64(), _index.Embedder.Dimensions), stored);
    }

    [Fact]
    public async Task RebuildKeepsThePreviousCollectionAndDeletesOlderOnes()
    {
        var first = await _index.BuildAsync(TestArticles.All, Ct);
        var second = await _index.BuildAsync(TestArticles.All, Ct);

        var third = await _index.BuildAsync(TestArticles.All, Ct);

        Assert.Equal(second.Manifest.Collection, third.PreviousCollection);
        Assert.Equal([first.Manifest.Collection], third.DeletedCollections);
        Assert.Equal([second.Manifest.Collection, third.Manifest.Collection], await _index.VersionsAsync(Ct));
    }

    [Fact]
    public async Task AFailureMidBuildLeavesTheAliasOnTheOldCollectionAndNoOrphan()
    {
        var served = await _index.BuildAsync(TestArticles.All, Ct);
        // More passages than one embedding batch, so the collection exists and holds points when the second batch fails.
        using var failing = new CallbackEmbeddingGenerator(call =>
        {
            if (call == 2)
            {
                throw new InvalidOperationException("embedder down");
            }
        });

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _index.Writer.BuildAsync([TestArticles.Long("004_long", 100)], failing, IndexHarness.Fingerprint, null, Ct));

        Assert.Equal(served.Manifest.Collection, await _index.Client.ResolveAliasAsync(_index.Options.Alias, Ct));
        Assert.Equal([served.Manifest.Collection], await _index.VersionsAsync(Ct));
    }

    [Fact]
    public async Task ABuildWhoseCollectionNameIsTakenFailsWithoutDeletingTheOtherCollection()
    {
        // The stepping clock's first reading names the build's collection.
        var taken = _index.Options.CollectionPrefix + "_v20250218090001000";
        await _index.Client.CreateCollectionAsync(taken, 128, null, Ct);

        var error = await Assert.ThrowsAsync<QdrantException>(() => _index.BuildAsync(TestArticles.All, Ct));

        Assert.Contains("already exists", error.QdrantError, StringComparison.Ordinal);
        Assert.True(await _index.Client.CollectionExistsAsync(taken, Ct));
    }

    [Fact]
    public async Task RollbackPointsTheAliasAtThePreviousCollection()
    {
        var first = await _index.BuildAsync([TestArticles.Delegations], Ct);
        await _index.BuildAsync(TestArticles.All, Ct);

        var restored = await _index.Writer.RollbackAsync(Ct);

        Assert.Equal((first.Manifest.Collection, first.Manifest.SetHash), (restored.Collection, restored.SetHash));
        Assert.Equal(first.Manifest.Articles, restored.Articles);
        Assert.Equal(first.Manifest.Collection, await _index.Client.ResolveAliasAsync(_index.Options.Alias, Ct));
    }

    [Fact]
    public async Task ProgressIsReportedUpToThePassageCount()
    {
        var reports = new List<IndexBuildProgress>();

        await _index.Writer.BuildAsync([TestArticles.Long("005_long", 100)], _index.Embedder, IndexHarness.Fingerprint,
            new SynchronousProgress<IndexBuildProgress>(reports.Add), Ct);

        Assert.Equal([new IndexBuildProgress(64, 100), new IndexBuildProgress(100, 100)], reports);
    }

    [Fact]
    public async Task BuildRefusesPassagesGivenWithTheWrongArticle()
    {
        var misfiled = new ArticlePassages(TestArticles.Outcome.Article, TestArticles.Delegations.Passages);

        var error = await Assert.ThrowsAsync<IndexBuildException>(() => _index.BuildAsync([misfiled], Ct));

        Assert.Contains(TestArticles.Delegations.Article.Id, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _index.VersionsAsync(Ct));
    }

    private async Task<IReadOnlyList<StoredPoint>> AllPointsAsync(string collection)
    {
        var page = await _index.Client.ScrollAsync(collection, null, 1000, null, Ct);
        return [.. page.Points.OrderBy(p => p.Id)];
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    [Fact]
    public async Task AScratchCollectionIsLaidOutAsTheConfiguredIndexWithItsPayloadIndexes()
    {
        var options = qdrant.CreateOptions();
        options.ShardNumber = 2;
        var client = qdrant.CreateClient();
        using var writer = new PassageIndexWriter(client, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PassageIndexWriter>.Instance, new QdrantPointCopier(client));
        var scratch = QdrantFixture.UniqueCollectionName("scratch");

        await writer.CreateScratchCollectionAsync(scratch, dimensions: 8, Ct);

        var entry = TestArticles.All[0];
        await client.UpsertAsync(scratch, [PassageIndexWriter.ToPoint(entry.Article, entry.Passages[0], [1, 0, 0, 0, 0, 0, 0, 0], null)], Ct);

        Assert.Equal([0u, 1u], (await client.GetShardReplicasAsync(scratch, Ct)).Select(r => r.ShardId).Order());
        // Qdrant facets only keyword-indexed fields: these fail without the payload indexes an ingest creates.
        Assert.Equal(1, (await client.FacetAsync(scratch, "article_id", 10, Ct))[entry.Article.Id]);
        Assert.Equal(1, (await client.FacetAsync(scratch, "article_hash", 10, Ct)).Values.Single());
        await client.DeleteCollectionAsync(scratch, Ct);
    }
}
