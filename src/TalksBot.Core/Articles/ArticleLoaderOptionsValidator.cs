using Microsoft.Extensions.Options;

namespace TalksBot.Core.Articles;

/// <summary>Checks <see cref="ArticleLoaderOptions"/>'s data annotations at start-up, source-generated so no reflection is needed.</summary>
[OptionsValidator]
internal sealed partial class ArticleLoaderOptionsValidator : IValidateOptions<ArticleLoaderOptions>;
