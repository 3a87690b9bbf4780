using TalksBot.Core.Articles;
using TalksBot.Core.Embeddings;
using TalksBot.Core.Passages;
using TalksBot.Core.Retrieval;
using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant.Index;

/// <summary>Maps passages to the stored payload and back.</summary>
internal static class PassagePayloads
{
    public static PassagePayload From(Article article, Passage passage, SentenceVectors? sentences) => new(
        article.Id,
        article.Info.Title,
        article.Info.Url,
        article.Info.Published,
        article.Info.Author,
        article.ContentHash,
        passage.Ordinal,
        passage.Heading,
        passage.Text,
        passage.Start,
        passage.End,
        PassagePayload.CurrentSchemaVersion,
        sentences?.ToBase64(),
        sentences?.Dimensions ?? 0);

    /// <summary>The point's article id; empty for a point without payload (<see cref="ToRetrieved"/> rejects those).</summary>
    public static string ArticleIdOf(ScoredPoint point) => point.Payload?.ArticleId ?? "";

    public static RetrievedPassage ToRetrieved(ScoredPoint point, int rank, string collection)
    {
        var payload = point.Payload
            ?? throw new InvalidDataException($"Point {point.Id} in '{collection}' has no payload; re-ingest the articles.");
        if (payload.SchemaVersion != PassagePayload.CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"Point {point.Id} in '{collection}' has payload schema {payload.SchemaVersion}, this version reads {PassagePayload.CurrentSchemaVersion}; re-ingest the articles.");
        }

        var passage = new Passage(point.Id, payload.ArticleId, payload.PassageOrdinal, payload.Heading, payload.Text, payload.Start, payload.End);
        var article = new ArticleInfo(payload.ArticleId, payload.ArticleTitle, payload.ArticleUrl, payload.ArticlePublished, payload.ArticleAuthor);
        var sentences = payload.SentenceVectors is { } stored ? SentenceVectors.FromBase64(stored, payload.SentenceVectorDimensions) : null;
        return new RetrievedPassage(passage, article, point.Score, rank, sentences);
    }
}
