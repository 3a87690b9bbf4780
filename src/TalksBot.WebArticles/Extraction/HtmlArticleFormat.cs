using TalksBot.Core.Articles;

namespace TalksBot.WebArticles.Extraction;

/// <summary>Reads saved web pages (<c>.html</c>, <c>.htm</c>) in the article folder: the article text without the page around it.</summary>
public sealed class HtmlArticleFormat : IArticleFileFormat
{
    public IReadOnlyCollection<string> Extensions { get; } = [".html", ".htm"];

    public ParsedArticle Parse(string text) => HtmlArticleExtractor.Extract(text, pageUrl: null);
}
