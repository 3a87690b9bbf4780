using System.ComponentModel.DataAnnotations;

namespace TalksBot.Core.Articles;

/// <summary>Where the article set lives, and the limits applied when loading its files (section <c>Articles</c>).</summary>
public sealed class ArticleLoaderOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Articles";

    /// <summary>The default size limit: a long news article is well under 100 KB, so 5 MB only stops mistakes.</summary>
    public const long DefaultMaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The article folder; a relative path resolves against the current directory (the launcher runs from the repository root).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Articles:Path must name the article folder, e.g. data/articles.")]
    public string Path { get; set; } = "data/articles";

    /// <summary><see cref="Path"/> made absolute.</summary>
    public string FullPath => System.IO.Path.GetFullPath(Path);

    /// <summary>Files larger than this are skipped with a reason instead of being read.</summary>
    [Range(1, 1L << 30)]
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;
}
