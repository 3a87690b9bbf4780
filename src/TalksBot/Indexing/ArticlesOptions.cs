using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TalksBot.Indexing;

/// <summary>Where the article set lives. Relative paths resolve against the current directory (the launcher runs from the repository root).</summary>
internal sealed class ArticlesOptions
{
    public const string Section = "Articles";

    [Required(AllowEmptyStrings = false, ErrorMessage = "Articles:Path must name the article folder, e.g. data/articles.")]
    public string Path { get; set; } = "data/articles";

    public string FullPath => System.IO.Path.GetFullPath(Path);
}

[OptionsValidator]
internal sealed partial class ArticlesOptionsValidator : IValidateOptions<ArticlesOptions>;
