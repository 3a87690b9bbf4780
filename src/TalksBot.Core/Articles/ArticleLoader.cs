using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace TalksBot.Core.Articles;

/// <summary>
/// Loads article files from a folder. Each file becomes an <see cref="Article"/> or, when it cannot be used,
/// a <see cref="SkippedArticleFile"/> saying what to fix, so one bad file never stops the others loading.
/// Built-in formats read <c>.txt</c>, <c>.md</c> and <c>.markdown</c>; extra formats passed in (e.g. HTML) are
/// added, and win over a built-in format for the same extension. Files with other extensions and hidden files
/// are ignored without a reason (a README beside the articles is not an error). Subfolders are not read.
/// </summary>
public sealed partial class ArticleLoader
{
    private readonly Dictionary<string, IArticleFileFormat> _formats = new(StringComparer.OrdinalIgnoreCase);
    private readonly ArticleLoaderOptions _options;
    private readonly ILogger<ArticleLoader> _logger;

    /// <summary>Creates a loader with the built-in formats plus <paramref name="extraFormats"/>.</summary>
    public ArticleLoader(ArticleLoaderOptions options, IEnumerable<IArticleFileFormat> extraFormats, ILogger<ArticleLoader> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(extraFormats);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _logger = logger;
        foreach (var format in new IArticleFileFormat[] { new PlainTextArticleFormat(), new MarkdownArticleFormat() }.Concat(extraFormats))
        {
            foreach (var extension in format.Extensions)
            {
                _formats[extension.StartsWith('.') ? extension : "." + extension] = format;
            }
        }
    }

    /// <summary>The extensions this loader reads, lower case with the dot.</summary>
    public IReadOnlyCollection<string> Extensions => [.. _formats.Keys.Select(e => e.ToLowerInvariant()).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Loads every readable article file directly in <paramref name="directory"/>; articles are ordered by id.
    /// Throws <see cref="DirectoryNotFoundException"/> when the folder does not exist.
    /// </summary>
    public async Task<ArticleSet> LoadDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The article folder '{directory}' does not exist.");
        }

        var articles = new List<Article>();
        var skipped = new List<SkippedArticleFile>();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var files = Directory.EnumerateFiles(directory)
            .Where(path => !IsHidden(path) && _formats.ContainsKey(Path.GetExtension(path)))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var article = await LoadFileAsync(path, cancellationToken);
                if (ids.TryGetValue(article.Id, out var first))
                {
                    throw new ArticleFormatException(
                        $"Its id '{article.Id}' is already used by '{Path.GetFileName(first)}'; rename one of the two files.");
                }

                ids.Add(article.Id, path);
                articles.Add(article);
            }
            catch (ArticleFormatException e)
            {
                LogSkipped(path, e.Message);
                skipped.Add(new SkippedArticleFile(path, e.Message));
            }
            catch (IOException e)
            {
                LogSkipped(path, e.Message);
                skipped.Add(new SkippedArticleFile(path, $"It could not be read ({e.Message}); check that the file is not locked."));
            }
            catch (UnauthorizedAccessException e)
            {
                LogSkipped(path, e.Message);
                skipped.Add(new SkippedArticleFile(path, "It cannot be read with this process's permissions; make it readable."));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A parser failure nobody foresaw costs this file, never the run: the other articles still load.
                LogSkipped(path, $"{e.GetType().Name}: {e.Message}");
                skipped.Add(new SkippedArticleFile(path, $"It could not be read as an article ({e.Message}); check its format."));
            }
        }

        articles.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        LogLoaded(articles.Count, skipped.Count, directory);
        return new ArticleSet(articles, skipped);
    }

    /// <summary>Loads one article file; throws <see cref="ArticleFormatException"/> saying what to fix when it cannot be used.</summary>
    public async Task<Article> LoadFileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var extension = Path.GetExtension(path);
        if (!_formats.TryGetValue(extension, out var format))
        {
            throw new ArticleFormatException(
                $"No article format reads '{extension}' files; use one of {string.Join(", ", Extensions)}.");
        }

        var id = Path.GetFileNameWithoutExtension(path);
        if (!ValidId().IsMatch(id))
        {
            throw new ArticleFormatException(
                $"The file name gives the id '{id}', which citations cannot use; rename it using only letters, digits, '.', '_' and '-'.");
        }

        var length = new FileInfo(path).Length;
        if (length > _options.MaxFileBytes)
        {
            throw new ArticleFormatException(
                $"It is {length} bytes, over the {_options.MaxFileBytes}-byte limit ({ArticleLoaderOptions.Section}:MaxFileBytes); split the article or raise the limit.");
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        var text = ArticleFileText.Decode(bytes);
        var parsed = format.Parse(text);
        var body = parsed.Body.ReplaceLineEndings("\n").Trim();
        if (body.Length == 0)
        {
            throw new ArticleFormatException("It has no article text after its metadata; add the body or remove the file.");
        }

        var title = string.IsNullOrWhiteSpace(parsed.Title) ? ArticleTitle.Derive(body) : parsed.Title.Trim();
        // A stated date wins; failing that, the one its link's path gives.
        var published = parsed.Published ?? ArticleUrlDate.From(parsed.Url);
        var info = new ArticleInfo(id, title, parsed.Url, published, string.IsNullOrWhiteSpace(parsed.Author) ? null : parsed.Author.Trim());
        return new Article(info, body, Convert.ToHexStringLower(SHA256.HashData(bytes)), path);
    }

    private static bool IsHidden(string path) =>
        Path.GetFileName(path).StartsWith('.') || (File.GetAttributes(path) & FileAttributes.Hidden) != 0;

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ValidId();

    [LoggerMessage(2101, LogLevel.Warning, "Skipped article file {Path}: {Reason}")]
    private partial void LogSkipped(string path, string reason);

    [LoggerMessage(2102, LogLevel.Information, "Loaded {Count} articles ({Skipped} skipped) from {Directory}")]
    private partial void LogLoaded(int count, int skipped, string directory);
}
