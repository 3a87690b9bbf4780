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

        // Citations quote the article at Start..End, so a passage whose offsets do not span its text would quote wrongly.
        if (payload.ArticleId.Length == 0 || payload.Start < 0 || payload.End - payload.Start != payload.Text.Length)
        {
            throw new InvalidDataException(
                $"Point {point.Id} in '{collection}' has no article id or offsets {payload.Start}..{payload.End} that do not span its {payload.Text.Length}-character text; re-ingest the articles.");
        }

        var sentences = ReadSentenceVectors(point, payload, collection);
        var passage = new Passage(point.Id, payload.ArticleId, payload.PassageOrdinal, payload.Heading, payload.Text, payload.Start, payload.End);
        var article = new ArticleInfo(payload.ArticleId, payload.ArticleTitle, payload.ArticleUrl, payload.ArticlePublished, payload.ArticleAuthor);
        return new RetrievedPassage(passage, article, point.Score, rank, sentences);
    }

    private static SentenceVectors? ReadSentenceVectors(ScoredPoint point, PassagePayload payload, string collection)
    {
        try
        {
            return payload.SentenceVectors is { } stored ? SentenceVectors.FromBase64(stored, payload.SentenceVectorDimensions) : null;
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"Point {point.Id} in '{collection}' has unreadable sentence vectors ({e.Message}); re-ingest the articles.", e);
        }
    }
}
