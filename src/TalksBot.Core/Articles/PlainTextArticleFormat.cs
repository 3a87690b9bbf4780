namespace TalksBot.Core.Articles;

/// <summary>Reads <c>.txt</c> articles: the body, with syndication metadata lines taken out as metadata.</summary>
public sealed class PlainTextArticleFormat : IArticleFileFormat
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    /// <inheritdoc />
    public ParsedArticle Parse(string text) => SyndicationText.Parse(text);
}
