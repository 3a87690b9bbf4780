using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant.Tests.Index;

public sealed class ArticleDiversityTests
{
    [Fact]
    public void ALongArticleCannotFillEveryPlaceWhenOtherArticlesMatch()
    {
        var points = Points("long", "long", "long", "long", "long", "long", "other", "third");

        var chosen = QdrantPassageSearch.DiversifyByArticle(points, limit: 5);

        Assert.Equal(["long", "long", "other", "third", "long"], chosen.Select(Article));
    }

    [Fact]
    public void FusedOrderIsKeptAndHeldBackPassagesFillTheRemainingPlaces()
    {
        var points = Points("a", "a", "a", "a", "b");

        var chosen = QdrantPassageSearch.DiversifyByArticle(points, limit: 5);

        Assert.Equal(points.Select(p => p.Id).Take(2).Append(points[4].Id).Concat(points.Skip(2).Take(2).Select(p => p.Id)),
            chosen.Select(p => p.Id));
    }

    private static string Article(ScoredPoint point) => point.Payload!.ArticleId;

    private static List<ScoredPoint> Points(params string[] articles) =>
        [.. articles.Select((article, i) => new ScoredPoint(Guid.NewGuid(), 1.0 / (i + 1),
            new PassagePayload(article, "t", null, null, null, "h", i, null, "text", 0, 4, PassagePayload.CurrentSchemaVersion)))];
}
