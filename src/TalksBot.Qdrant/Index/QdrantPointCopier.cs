// Hand-written beside QdrantRestClient because that client reads points without their vectors; a copy needs them verbatim.
using System.Net.Http.Json;
using System.Text.Json;
using TalksBot.Qdrant.Rest;

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
public sealed class QdrantPointCopier(HttpClient http)
{
    // One page per upsert, at the top of Qdrant's recommended 64–256 points per request.
    private const int PageSize = 256;

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
        var filter = new AnyFilter([new AnyCondition("article_id", new MatchAny([.. articleIds]))]);
        var total = 0;
        Guid? offset = null;
        do
        {
            var page = await ScrollAsync(from, filter, offset, cancellationToken);
            if (page.Points.Count > 0)
            {
                if (total == 0)
                {
                    await beforeFirstUpsert(page.Points[0].Vector.GetProperty(VectorNames.Dense).GetArrayLength(), cancellationToken);
                }

                await PostAsync(HttpMethod.Put, $"collections/{Uri.EscapeDataString(to)}/points?wait=true",
                    JsonContent.Create(new CopyUpsertRequest(page.Points), PointCopyJsonContext.Default.CopyUpsertRequest),
                    PointCopyJsonContext.Default.CopyResponseJsonElement, $"copy {page.Points.Count} points into {to}", cancellationToken);
                total += page.Points.Count;
                copied(total);
            }

            offset = page.NextPageOffset;
        }
        while (offset is not null);

        return total;
    }

    private async Task<CopyScrollPage> ScrollAsync(string collection, AnyFilter filter, Guid? offset, CancellationToken cancellationToken) =>
        await PostAsync(HttpMethod.Post, $"collections/{Uri.EscapeDataString(collection)}/points/scroll",
            JsonContent.Create(new CopyScrollRequest(filter, PageSize, offset, WithPayload: true, WithVector: true),
                PointCopyJsonContext.Default.CopyScrollRequest),
            PointCopyJsonContext.Default.CopyResponseCopyScrollPage, $"scroll {collection} with vectors", cancellationToken)
        ?? throw new QdrantException($"scroll {collection} with vectors", null, "the response carried no result");

    private async Task<T?> PostAsync<T>(HttpMethod method, string path, HttpContent content,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<CopyResponse<T>> type, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new QdrantException(operation, null, $"cannot reach Qdrant at {http.BaseAddress}: {e.Message}", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new QdrantException(operation, response.StatusCode, text.Length <= 1000 ? text : text[..1000]);
            }

            try
            {
                var envelope = await response.Content.ReadFromJsonAsync(type, cancellationToken);
                return envelope is null ? default : envelope.Result;
            }
            catch (JsonException e)
            {
                throw new QdrantException(operation, response.StatusCode, $"unexpected response: {e.Message}", e);
            }
        }
    }
}
