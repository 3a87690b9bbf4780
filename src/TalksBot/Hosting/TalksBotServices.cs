using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Analytics;
using TalksBot.Cli;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Ranking;
using TalksBot.Core.Articles;
using TalksBot.Core.Passages;
using TalksBot.Discord;
using TalksBot.Embeddings;
using TalksBot.Indexing;
using TalksBot.Llm;
using TalksBot.Llm.Answering;
using TalksBot.Moderation;
using TalksBot.Qdrant;
using TalksBot.WebArticles;

namespace TalksBot.Hosting;

/// <summary>The table of contents of the application: each project contributes its one <c>AddXxx</c>.</summary>
internal static class TalksBotServices
{
    public static IHostApplicationBuilder AddTalksBotServices(this IHostApplicationBuilder builder, bool hosted)
    {
        var services = builder.Services;

        // Articles → passages → embeddings: the embedded defaults need no model and no network.
        services.AddOptionsWithValidateOnStart<ArticleLoaderOptions>().Bind(builder.Configuration.GetSection(ArticleLoaderOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton(sp => new ArticleLoader(
            sp.GetRequiredService<IOptions<ArticleLoaderOptions>>().Value,
            sp.GetServices<IArticleFileFormat>(),
            sp.GetRequiredService<ILogger<ArticleLoader>>()));
        services.AddOptionsWithValidateOnStart<PassageChunkerOptions>().Bind(builder.Configuration.GetSection(PassageChunkerOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton(sp => new PassageChunker(sp.GetRequiredService<IOptions<PassageChunkerOptions>>().Value));
        builder.AddWebArticles();

        // Embeddings:Provider picks MiniLM (default), hashing or the Llm endpoint's model; the index fingerprint names
        // the embedder, so switching builds a new collection instead of mixing vectors. Before AddQdrant: the model
        // loads while Qdrant starts.
        builder.AddLlm();
        builder.AddEmbeddings();

        builder.AddQdrant();
        services.AddSingleton<ArticleIndexService>();
        // Refresh: incremental copies of unchanged articles' points, one lock for every process, the article watcher in `run`.
        services.AddOptionsWithValidateOnStart<RefreshOptions, RefreshOptionsValidator>().Bind(builder.Configuration.GetSection(RefreshOptions.Section));
        services.AddSingleton<TalksBot.Qdrant.Index.QdrantPointCopier>();
        services.AddSingleton<ArticleSetService>();
        if (hosted && builder.Configuration.GetValue($"{RefreshOptions.Section}:{nameof(RefreshOptions.WatchArticles)}", true))
            services.AddHostedService<ArticleWatcherService>();

        // Answering: the ranked-sentence answerer is the default and the generative answerer's fallback; its fitted weights load at start-up.
        services.AddOptionsWithValidateOnStart<AnsweringOptions>().Bind(builder.Configuration.GetSection(AnsweringOptions.Section)).ValidateDataAnnotations();
        services.AddSingleton<IValidateOptions<AnsweringOptions>, RankerWeightsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AnsweringOptions>>().Value);
        services.AddSingleton(sp => Lexicon.Load(sp.GetRequiredService<AnsweringOptions>().LexiconPath));
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton(sp => new RankedSentenceAnswerer(
            sp.GetRequiredService<Lexicon>(), sp.GetRequiredService<AnsweringOptions>().WeightsPath, sp.GetRequiredService<ILogger<RankedSentenceAnswerer>>()));
        services.AddKeyedSingleton<IAnswerer>(LlmServiceKeys.FallbackAnswerer, (sp, _) => sp.GetRequiredService<RankedSentenceAnswerer>());
        services.AddSingleton<IAnswerer>(sp =>
            sp.GetService<VerifiedLlmAnswerer>() as IAnswerer ?? sp.GetRequiredService<RankedSentenceAnswerer>());
        services.AddSingleton<IAskService, AskService>();
        // The naive baseline the eval reports beside the bot: BM25 alone, the top passage's best-matching sentence.
        services.AddKeyedSingleton<IAskService>(TopPassageBaselineAnswerer.AnswererName, (sp, _) => new BaselineAskService(
            sp.GetRequiredService<TalksBot.Qdrant.Index.QdrantBm25Search>(), sp.GetRequiredService<AnsweringOptions>(), sp.GetRequiredService<TimeProvider>()));

        builder.AddAnalytics();
        services.AddSingleton<ConsoleQuestionLog>();

        if (hosted && !string.IsNullOrWhiteSpace(builder.Configuration["Discord:Token"]))
        {
            builder.AddDiscordBot();
            // Moderators: /articles, /refresh and /stats, answered privately and checked against Manage Server.
            services.AddModeratorCommands();
        }
        return builder;
    }
}
