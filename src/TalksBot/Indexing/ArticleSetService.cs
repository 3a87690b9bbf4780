using Microsoft.Extensions.Options;
using TalksBot.Core.Analytics;
using TalksBot.Core.Articles;
using TalksBot.Qdrant.Index;
using TalksBot.WebArticles;
using TalksBot.WebArticles.Importing;

namespace TalksBot.Indexing;

/// <summary>
/// The moderator's article operations: list, add (a URL or a local file) and remove. Adding or removing changes only the
/// folder; what is served changes at the next refresh, which <c>refresh: true</c> runs straight away. Every add and
/// remove is audited, failures included.
/// </summary>
internal sealed class ArticleSetService(
    IArticleImporter importer,
    ArticleLoader loader,
    PassageIndexWriter writer,
    ArticleIndexService index,
    IAuditLog audit,
    TimeProvider time,
    IOptions<ArticleLoaderOptions> options)
{
    /// <summary>Refuses a file name no article format reads, so content need not be fetched to learn it cannot be added.</summary>
    /// <exception cref="WebArticleException">The extension is not an article file's.</exception>
    public void EnsureImportable(string fileName) => importer.EnsureImportable(fileName);

    /// <summary>The folder's articles and the served ones, by id, each with whether it is served.</summary>
    public async Task<IReadOnlyList<ArticleListing>> ListAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.FullPath;
        var folder = Directory.Exists(path) ? (await loader.LoadDirectoryAsync(path, cancellationToken)).Articles : [];
        var served = (await writer.GetServingManifestAsync(cancellationToken))?.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal)
            ?? new Dictionary<string, IndexedArticle>(StringComparer.Ordinal);
        var listing = folder.Select(a => new ArticleListing(a.Id, a.Info.Title, a.Info.Published, a.Info.Url,
            !served.TryGetValue(a.Id, out var s) ? "not served (refresh)" : s.ContentHash == a.ContentHash ? "served" : "changed since served"));
        var gone = served.Values.Where(s => folder.All(a => a.Id != s.Id))
            .Select(s => new ArticleListing(s.Id, s.Title, s.Published, s.Url, "removed, still served (refresh)"));
        return [.. listing.Concat(gone).OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>Imports <paramref name="source"/> (an http(s) URL or a local .txt/.md/.html file) into the folder.</summary>
    /// <exception cref="WebArticleException">The page or file could not be imported (message fit to show as is), e.g. a duplicate.</exception>
    public Task<ArticleChange> AddAsync(string source, string actor, bool refresh, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return AddAsync(source, actor, refresh,
            folder => Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? importer.ImportUrlAsync(url, folder, cancellationToken)
                : importer.ImportFileAsync(source, folder, cancellationToken),
            cancellationToken);
    }

    /// <summary>
    /// Imports an article file that arrived as bytes (e.g. a Discord attachment) into the folder; <paramref name="source"/>
    /// says where it came from, for the audit log.
    /// </summary>
    /// <exception cref="WebArticleException">The content is not an article the loader accepts, or duplicates one.</exception>
    public Task<ArticleChange> AddContentAsync(string fileName, ReadOnlyMemory<byte> content, string source, string actor, bool refresh,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return AddAsync(source, actor, refresh, folder => importer.ImportContentAsync(fileName, content, folder, cancellationToken), cancellationToken);
    }

    private async Task<ArticleChange> AddAsync(string source, string actor, bool refresh, Func<string, Task<ImportedArticle>> import,
        CancellationToken cancellationToken)
    {
        ImportedArticle imported;
        try
        {
            imported = await import(options.Value.FullPath);
        }
        catch (WebArticleException e)
        {
            await RecordAsync(actor, "add", source, "failed: " + e.Message);
            throw;
        }

        await RecordAsync(actor, "add", imported.Id, $"ok: from {source}");
        var summary = refresh ? await index.RefreshAsync(actor, progress: null, cancellationToken) : null;
        return new ArticleChange(imported.Id, imported.Path, imported.Title, imported.Url, summary);
    }

    /// <summary>Deletes the article's file from the folder.</summary>
    /// <exception cref="WebArticleException">There is no such article.</exception>
    public async Task<ArticleChange> RemoveAsync(string id, string actor, bool refresh, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        string path;
        try
        {
            path = importer.RemoveArticle(id, options.Value.FullPath);
        }
        catch (WebArticleException e)
        {
            await RecordAsync(actor, "remove", id, "failed: " + e.Message);
            throw;
        }

        await RecordAsync(actor, "remove", id, "ok: deleted " + Path.GetFileName(path));
        var summary = refresh ? await index.RefreshAsync(actor, progress: null, cancellationToken) : null;
        return new ArticleChange(id, path, null, null, summary);
    }

    // The file change already happened, so the audit entry is written even if the caller has since cancelled.
    private Task RecordAsync(string actor, string action, string target, string outcome) =>
        audit.RecordAsync(new AuditEntry(time.GetUtcNow(), actor, action, target, outcome), CancellationToken.None);
}
