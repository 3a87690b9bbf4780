using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Articles;
using TalksBot.WebArticles.Extraction;
using TalksBot.WebArticles.Fetching;

namespace TalksBot.WebArticles.Importing;

internal sealed partial class ArticleImporter(
    SafeWebFetcher fetcher,
    IEnumerable<IArticleFileFormat> formats,
    ImportGate gate,
    TimeProvider time,
    ILogger<ArticleImporter> logger) : IArticleImporter
{
    private readonly ArticleFormats _formats = new(formats);

    public async Task<ImportedArticle> ImportUrlAsync(Uri url, string articlesDirectory, CancellationToken cancellationToken)
    {
        var page = await fetcher.FetchAsync(url, cancellationToken);
        ParsedArticle article;
        try
        {
            article = HtmlArticleExtractor.Extract(page.Html, page.Url);
        }
        catch (ArticleFormatException ex)
        {
            throw new WebArticleException(WebArticleError.NoArticleText, ex.Message, ex);
        }
        return await SaveAsync(article, articlesDirectory, cancellationToken);
    }

    public async Task<ImportedArticle> ImportFileAsync(string path, string articlesDirectory, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        EnsureImportable(name);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new WebArticleException(WebArticleError.UnsupportedFile, $"Cannot read {path}: {ex.Message}", ex);
        }

        return await ImportContentAsync(name, bytes, articlesDirectory, cancellationToken);
    }

    public async Task<ImportedArticle> ImportContentAsync(string fileName, ReadOnlyMemory<byte> content, string articlesDirectory, CancellationToken cancellationToken)
    {
        EnsureImportable(fileName);
        ParsedArticle article;
        try
        {
            // The loader's own rules, so nothing is imported that the next refresh would then skip.
            article = _formats.Parse(fileName, ArticleFileText.Decode(content.Span));
        }
        catch (ArticleFormatException ex)
        {
            throw new WebArticleException(WebArticleError.NoArticleText, $"{fileName}: {ex.Message}", ex);
        }
        if (string.IsNullOrWhiteSpace(article.Body))
            throw new WebArticleException(WebArticleError.NoArticleText, $"{fileName} has no article text.");
        return await SaveAsync(article, articlesDirectory, cancellationToken);
    }

    public void EnsureImportable(string fileName)
    {
        if (!_formats.Reads(fileName))
            throw new WebArticleException(WebArticleError.UnsupportedFile,
                $"Cannot import {fileName}: only {string.Join(", ", _formats.Extensions.Order(StringComparer.Ordinal))} files are articles.");
    }

    public string RemoveArticle(string id, string articlesDirectory)
    {
        if (!ArticleId().IsMatch(id))
            throw new WebArticleException(WebArticleError.UnknownArticle, $"'{id}' is not an article id (ids look like 004_1f2e3d4c5b6a7988).");
        var path = ArticleFolder.ArticleFiles(articlesDirectory, _formats)
            .FirstOrDefault(p => string.Equals(Path.GetFileNameWithoutExtension(p), id, StringComparison.Ordinal))
            ?? throw new WebArticleException(WebArticleError.UnknownArticle, $"There is no article {id} in {articlesDirectory}.");
        File.Delete(path);
        LogRemoved(id);
        return path;
    }

    private async Task<ImportedArticle> SaveAsync(ParsedArticle article, string directory, CancellationToken ct)
    {
        var url = UrlNormalizer.Normalize(article.Url);
        var fingerprint = ContentFingerprint.Of(article.Body);
        await gate.Semaphore.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(directory);
            foreach (var existing in await ArticleFolder.ReadAsync(directory, _formats, ct))
            {
                if (url is not null && existing.NormalizedUrl == url)
                    throw Duplicate(WebArticleError.DuplicateUrl, $"The article set already has this page as {existing.Id} (same URL).", existing);
                if (existing.BodyFingerprint == fingerprint)
                    throw Duplicate(WebArticleError.DuplicateContent, $"The article set already has this text as {existing.Id}.", existing);
            }

            var id = $"{ArticleFolder.NextNumber(directory, _formats)}_{ContentFingerprint.Sha256Hex(url ?? fingerprint)[..16]}";
            var path = Path.Combine(directory, id + ".md");
            await MarkdownArticleWriter.WriteAtomicallyAsync(path, MarkdownArticleWriter.Render(article, time.GetUtcNow()), ct);
            LogImported(id, article.Url ?? "(no URL)");
            return new ImportedArticle(id, path, article.Title, article.Url);
        }
        finally
        {
            gate.Semaphore.Release();
        }
    }

    private WebArticleException Duplicate(WebArticleError error, string message, ExistingArticle existing)
    {
        LogDuplicate(existing.Id, error);
        return new WebArticleException(error, message);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    private static partial Regex ArticleId();

    [LoggerMessage(2202, LogLevel.Information, "Imported article {Id} from {Url}")]
    private partial void LogImported(string id, string url);

    [LoggerMessage(2203, LogLevel.Information, "Refused an import: it duplicates article {Id} ({Reason})")]
    private partial void LogDuplicate(string id, WebArticleError reason);

    [LoggerMessage(2204, LogLevel.Information, "Removed article {Id}")]
    private partial void LogRemoved(string id);
}
