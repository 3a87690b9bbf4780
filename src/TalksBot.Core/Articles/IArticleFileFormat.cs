namespace TalksBot.Core.Articles;

/// <summary>Reads one kind of article file (plain text, Markdown, HTML). The loader picks a format by file extension.</summary>
public interface IArticleFileFormat
{
    /// <summary>Extensions this format reads, lower case with the dot, e.g. <c>.html</c>.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Parses decoded file text; throws <see cref="ArticleFormatException"/> with what to fix when it cannot.</summary>
    ParsedArticle Parse(string text);
}
