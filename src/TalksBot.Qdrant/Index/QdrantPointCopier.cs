using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant.Index;

/// <summary>
/// Copies an article's stored points (payload, dense vector and BM25 sparse vector) from one collection to another, so an
/// unchanged article is carried into a new index version without being embedded again.
/// </summary>
/// <remarks>
/// The BM25 vector is copied as Qdrant stored it (indices/values) rather than re-sent as text: Qdrant's document-side BM25
/// weights depend only on the text and the model's fixed parameters, and IDF is applied at query time from the new
/// collection's own statistics, so the copy is what re-inference would produce, without tokenising again.
/// </remarks>
public sealed class QdrantPointCopier(QdrantIndexClient client)
{
    // One scrolled page is written by one upsert request.
    private const int PageSize = QdrantIndexClient.MaxPointsPerUpsert;

    /// <summary>
    /// Copies every point whose <c>article_id</c> is one of <paramref name="articleIds"/>, a page at a time; calls
    /// <paramref name="beforeFirstUpsert"/> with the dense size before writing anything and <paramref name="copied"/> after each page.
    /// </summary>
    public async Task<int> CopyArticlesAsync(string from, string to, IReadOnlyCollection<string> articleIds,
        Func<int, CancellationToken, Task> beforeFirstUpsert, Action<int> copied, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        ArgumentNullException.ThrowIfNull(beforeFirstUpsert);
        ArgumentNullException.ThrowIfNull(copied);
        var filter = QdrantFilter.KeywordIsAny("article_id", [.. articleIds]);
        var total = 0;
        Guid? offset = null;
        do
        {
            var page = await client.ScrollWithVectorsAsync(from, filter, PageSize, offset, cancellationToken);
            if (page.Points.Count > 0)
            {
                if (total == 0)
                {
                    await beforeFirstUpsert(page.Points[0].Dense.Count, cancellationToken);
                }

                await client.UpsertRawAsync(to, page.Points, cancellationToken);
                total += page.Points.Count;
                copied(total);
            }

            offset = page.NextOffset;
        }
        while (offset is not null);

        return total;
    }
}
