using TalksBot.Core.Articles;

namespace TalksBot.WebArticles.Importing;

/// <summary>
/// The file formats the article loader reads, chosen the same way (by extension, registered formats winning over
/// Core's built-in text and Markdown ones), so the importer sees an existing file exactly as the loader does.
/// </summary>
internal sealed class ArticleFormats
{
    private readonly Dictionary<string, IArticleFileFormat> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    public ArticleFormats(IEnumerable<IArticleFileFormat> registered)
    {
        foreach (var format in new IArticleFileFormat[] { new PlainTextArticleFormat(), new MarkdownArticleFormat() }.Concat(registered))
            foreach (var extension in format.Extensions)
                _byExtension[extension] = format;
    }

    public IReadOnlyCollection<string> Extensions => _byExtension.Keys;

    public bool Reads(string path) => _byExtension.ContainsKey(Path.GetExtension(path));

    /// <summary>Parses file text; throws <see cref="ArticleFormatException"/> when the file cannot be used.</summary>
    public ParsedArticle Parse(string path, string text) =>
        _byExtension.TryGetValue(Path.GetExtension(path), out var format)
            ? format.Parse(text)
            : throw new ArticleFormatException($"No article format reads '{Path.GetExtension(path)}' files.");
}
