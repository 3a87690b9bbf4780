using Microsoft.Extensions.Options;

namespace TalksBot.WebArticles;

[OptionsValidator]
internal sealed partial class WebArticlesOptionsValidator : IValidateOptions<WebArticlesOptions>;
