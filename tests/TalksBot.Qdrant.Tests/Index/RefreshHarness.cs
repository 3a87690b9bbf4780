using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Store;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests.Index;

/// <summary>A writer that copies unchanged articles' points, over the shared Qdrant with names no other test uses.</summary>
internal sealed class RefreshHarness : IDisposable
{
    private readonly HttpClient _http;

    public RefreshHarness(QdrantFixture qdrant)
    {
        Options = qdrant.CreateOptions();
        Client = qdrant.CreateClient();
        _http = new HttpClient { BaseAddress = qdrant.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Writer = new PassageIndexWriter(Client, Microsoft.Extensions.Options.Options.Create(Options), new SteppingTimeProvider(),
            NullLogger<PassageIndexWriter>.Instance, new QdrantPointCopier(Client));
    }

    public QdrantOptions Options { get; }

    public QdrantIndexClient Client { get; }

    public PassageIndexWriter Writer { get; }

    public Task<IndexRefreshResult> RefreshAsync(IReadOnlyList<ArticlePassages> articles, RecordingEmbeddingGenerator embedder, CancellationToken cancellationToken) =>
        Writer.RefreshAsync(articles, embedder, IndexHarness.Fingerprint, progress: null, cancellationToken);

    public async Task<IReadOnlyList<string>> VersionsAsync(CancellationToken cancellationToken) =>
        [.. (await Client.ListCollectionsAsync(cancellationToken)).Where(c => c.StartsWith(Options.CollectionPrefix + "_v", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    /// <summary>Every point of the collection as raw JSON (id → vector and payload), read with Qdrant's own scroll.</summary>
    public async Task<IReadOnlyDictionary<string, string>> PointsAsync(string collection, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(new Uri($"collections/{collection}/points/scroll", UriKind.Relative),
            new StringContent("""{"limit":1000,"with_payload":true,"with_vector":true}""", System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("result").GetProperty("points").EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => Canonical(p.GetProperty("vector")) + Canonical(p.GetProperty("payload")));
    }

    // Qdrant does not promise an order for the named vectors, so compare objects with their properties sorted.
    private static string Canonical(JsonElement element) => element.ValueKind == JsonValueKind.Object
        ? "{" + string.Join(",", element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + ":" + Canonical(p.Value))) + "}"
        : element.GetRawText();

    public void Dispose() => _http.Dispose();
}
