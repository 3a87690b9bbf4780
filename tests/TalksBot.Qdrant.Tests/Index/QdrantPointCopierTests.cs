using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Store;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests.Index;

public sealed class QdrantPointCopierTests(QdrantFixture qdrant) : IDisposable
{
    private readonly RefreshHarness _index = new(qdrant);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACopyRetriesAFailedScrollAndALostUpsertAnswerAndStillCopiesEveryPointOnce()
    {
        IReadOnlyList<ArticlePassages> articles = [.. TestArticles.All, TestArticles.Long("005_long", 200)];
        var source = (await _index.RefreshAsync(articles, new RecordingEmbeddingGenerator(), Ct)).Build.Manifest.Collection;
        var target = QdrantFixture.UniqueCollectionName("copy");
        var flaky = new FlakyQdrantHandler();
        // The connection owns (and disposes) its transport.
        using var connection = new QdrantConnection(qdrant.GrpcAddress, apiKey: null, TimeSpan.FromSeconds(60), flaky);
        var copier = new QdrantPointCopier(new QdrantIndexClient(connection));

        var copied = await copier.CopyArticlesAsync(source, target, [.. articles.Select(a => a.Article.Id)],
            (size, token) => _index.Client.CreateCollectionAsync(target, size, metadata: null, token), _ => { }, Ct);

        var passages = articles.Sum(a => a.Passages.Count);
        Assert.Equal(passages, copied);
        Assert.Equal(passages, await _index.Client.CountAsync(target, filter: null, Ct));
        // Two pages of at most 128 points: each endpoint answered twice, after one failed attempt.
        Assert.Equal(3, flaky.Requests.Count(r => r == FlakyQdrantHandler.Scroll));
        Assert.Equal(3, flaky.Requests.Count(r => r == FlakyQdrantHandler.Upsert));
        await _index.Client.DeleteCollectionAsync(target, Ct);
    }

    public void Dispose() => _index.Dispose();
}
