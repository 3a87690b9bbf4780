using System.Security.Cryptography;
using System.Text;
using TalksBot.Core.Articles;
using TalksBot.Qdrant.Store;

namespace TalksBot.Qdrant.Index;

/// <summary>
/// What a collection was built from, stored in its Qdrant metadata once it is complete. Two builds from the same
/// fingerprint and the same articles (ids and content hashes) have the same <see cref="SetHash"/>, so a caller can skip re-ingestion.
/// </summary>
/// <param name="Fingerprint">Supplied by the caller: covers the chunker version and the embedder's name and dimension.</param>
/// <param name="SetHash">Lower-case hex SHA-256 over the payload schema, the fingerprint, and every article id with its content hash.</param>
public sealed record IndexManifest(
    string Collection,
    string Fingerprint,
    string SetHash,
    int SchemaVersion,
    int ArticleCount,
    int PassageCount,
    DateTimeOffset BuiltAt,
    IReadOnlyList<IndexedArticle> Articles)
{
    /// <summary>The key under which the manifest sits in the collection's metadata.</summary>
    public const string MetadataKey = "talksbot_manifest";

    /// <summary>The set hash a build of <paramref name="articles"/> under <paramref name="fingerprint"/> would record.</summary>
    public static string ComputeSetHash(string fingerprint, IEnumerable<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return ComputeSetHash(fingerprint, articles.Select(a => (a.Id, a.ContentHash)));
    }

    public static string ComputeSetHash(string fingerprint, IEnumerable<(string ArticleId, string ContentHash)> articles)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(articles);
        var text = new StringBuilder()
            .Append("schema ").Append(PassagePayload.CurrentSchemaVersion).Append('\n')
            .Append(fingerprint).Append('\n');
        foreach (var (id, hash) in articles.OrderBy(a => a.ArticleId, StringComparer.Ordinal))
        {
            text.Append(id).Append('\t').Append(hash).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>True when this manifest records exactly <paramref name="articles"/> built under <paramref name="fingerprint"/>.</summary>
    public bool Matches(string fingerprint, IEnumerable<Article> articles) =>
        string.Equals(SetHash, ComputeSetHash(fingerprint, articles), StringComparison.Ordinal);
}
