using System.ComponentModel.DataAnnotations;

namespace TalksBot.Core.Articles;

/// <summary>Limits applied when loading article files.</summary>
public sealed class ArticleLoaderOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Articles";

    /// <summary>The default size limit: a long news article is well under 100 KB, so 5 MB only stops mistakes.</summary>
    public const long DefaultMaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Files larger than this are skipped with a reason instead of being read.</summary>
    [Range(1, 1L << 30)]
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;
}
