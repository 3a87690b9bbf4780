namespace TalksBot.Core.Articles;

/// <summary>A loaded article: its metadata and its body text, with metadata lines and front matter removed.</summary>
/// <param name="Info">Metadata carried through to citations.</param>
/// <param name="Text">The body, line endings normalised to <c>\n</c>. Passage and quote offsets index into this string.</param>
/// <param name="ContentHash">Lower-case hex SHA-256 of the file's bytes; tells a changed article from an unchanged one.</param>
/// <param name="SourcePath">Where the article was read from.</param>
public sealed record Article(ArticleInfo Info, string Text, string ContentHash, string SourcePath)
{
    /// <summary>The article id (file name without extension).</summary>
    public string Id => Info.Id;
}
