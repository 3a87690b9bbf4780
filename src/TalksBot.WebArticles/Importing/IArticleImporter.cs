namespace TalksBot.WebArticles.Importing;

/// <summary>Adds articles to the article folder from web pages or local files, and removes them.</summary>
/// <remarks>Every failure is a <see cref="WebArticleException"/> whose message can be shown to the moderator as is.</remarks>
public interface IArticleImporter
{
    /// <summary>Fetches the page, extracts its article and writes it as a new Markdown article unless the folder already has it.</summary>
    Task<ImportedArticle> ImportUrlAsync(Uri url, string articlesDirectory, CancellationToken cancellationToken);

    /// <summary>Reads a local .txt, .md or .html file and writes it as a new Markdown article unless the folder already has it.</summary>
    Task<ImportedArticle> ImportFileAsync(string path, string articlesDirectory, CancellationToken cancellationToken);

    /// <summary>
    /// Parses <paramref name="content"/> as the article file <paramref name="fileName"/> (its extension picks the format; the
    /// loader's text rules apply) and writes it as a new Markdown article unless the folder already has it.
    /// </summary>
    Task<ImportedArticle> ImportContentAsync(string fileName, ReadOnlyMemory<byte> content, string articlesDirectory, CancellationToken cancellationToken);

    /// <summary>Refuses, before any content is read, a file name whose extension no article format reads.</summary>
    void EnsureImportable(string fileName);

    /// <summary>Deletes the article file with this id; returns the path deleted.</summary>
    string RemoveArticle(string id, string articlesDirectory);
}
