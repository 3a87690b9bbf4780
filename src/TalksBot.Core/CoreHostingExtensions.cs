using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Ranking;
using TalksBot.Core.Articles;
using TalksBot.Core.Passages;

namespace TalksBot.Core;

/// <summary>Registers what Core contributes to the host.</summary>
public static class CoreHostingExtensions
{
    /// <summary>
    /// Articles → passages (sections <c>Articles</c>, <c>Passages</c>), the lexicon, the ranked-sentence answerer and the
    /// ask service (section <c>Answering</c>). Settings are checked at start-up, and the lexicon and the ranker's weights
    /// are loaded then too, so a bad setting or a broken file stops the start naming the key and the file.
    /// Which <see cref="IAnswerer"/> the ask service uses is chosen by AddLlm: a language model when one is configured, else this project's ranked-sentence answerer.
    /// </summary>
    public static IHostApplicationBuilder AddTalksBotCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptionsWithValidateOnStart<ArticleLoaderOptions, ArticleLoaderOptionsValidator>().Bind(builder.Configuration.GetSection(ArticleLoaderOptions.Section));
        services.AddSingleton(sp => new ArticleLoader(
            sp.GetRequiredService<IOptions<ArticleLoaderOptions>>().Value,
            sp.GetServices<IArticleFileFormat>(),
            sp.GetRequiredService<ILogger<ArticleLoader>>()));
        services.AddOptionsWithValidateOnStart<PassageChunkerOptions, PassageChunkerOptionsValidator>().Bind(builder.Configuration.GetSection(PassageChunkerOptions.Section));
        services.AddSingleton(sp => new PassageChunker(sp.GetRequiredService<IOptions<PassageChunkerOptions>>().Value));

        services.AddOptionsWithValidateOnStart<AnsweringOptions, AnsweringOptionsValidator>().Bind(builder.Configuration.GetSection(AnsweringOptions.Section));
        services.AddSingleton<IValidateOptions<AnsweringOptions>, RankerWeightsValidator>();
        services.AddSingleton<IValidateOptions<AnsweringOptions>, LexiconValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AnsweringOptions>>().Value);
        services.AddSingleton(sp => Lexicon.Load(sp.GetRequiredService<AnsweringOptions>().LexiconPath));
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton(sp => new RankedSentenceAnswerer(
            sp.GetRequiredService<Lexicon>(), sp.GetRequiredService<AnsweringOptions>().WeightsPath, sp.GetRequiredService<ILogger<RankedSentenceAnswerer>>()));
        services.AddSingleton<IAskService, AskService>();
        return builder;
    }
}
