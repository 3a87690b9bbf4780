using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TalksBot.Core.Articles;
using TalksBot.WebArticles.Extraction;
using TalksBot.WebArticles.Fetching;
using TalksBot.WebArticles.Importing;

namespace TalksBot.WebArticles;

public static class WebArticlesHostExtensions
{
    /// <summary>
    /// Registers <see cref="IArticleImporter"/>, the <see cref="HtmlArticleFormat"/> (as an <see cref="IArticleFileFormat"/>
    /// for the article loader) and the <c>WebArticles</c> options, validated at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddWebArticles(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<WebArticlesOptions, WebArticlesOptionsValidator>()
            .Bind(builder.Configuration.GetSection(WebArticlesOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HtmlArticleFormat>();
        services.AddSingleton<IArticleFileFormat>(sp => sp.GetRequiredService<HtmlArticleFormat>());
        services.AddSingleton<ImportGate>();
        services.AddHttpClient<SafeWebFetcher>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => SafeWebFetcher.CreateHandler(sp.GetRequiredService<IOptions<WebArticlesOptions>>().Value));
        services.AddTransient<IArticleImporter, ArticleImporter>();
        services.AddHostedService<UnsafeFetchWarning>();
        return builder;
    }
}
