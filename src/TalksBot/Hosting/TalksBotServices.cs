using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalksBot.Analytics;
using TalksBot.Cli;
using TalksBot.Core;
using TalksBot.Core.Answering;
using TalksBot.Discord;
using TalksBot.Embeddings;
using TalksBot.Health;
using TalksBot.Indexing;
using TalksBot.Llm;
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

        // Articles → passages, the lexicon, the ranked-sentence answerer and the ask service.
        builder.AddTalksBotCore();
        builder.AddWebArticles();

        // Embeddings:Provider picks MiniLM (default), hashing or the Llm endpoint's model; the index fingerprint names
        // the embedder, so switching builds a new collection instead of mixing vectors. Before AddQdrant: the model
        // loads while Qdrant starts.
        builder.AddLlm();
        builder.AddEmbeddings();

        builder.AddQdrant();
        services.AddSingleton<ArticleIndexService>();
        services.AddSingleton(RefreshLocks.Create);
        // Refresh: one lock for every process, the article watcher in `run`.
        services.AddOptionsWithValidateOnStart<RefreshOptions, RefreshOptionsValidator>().Bind(builder.Configuration.GetSection(RefreshOptions.Section));
        services.AddSingleton<ArticleSetService>();
        if (hosted && builder.Configuration.GetValue($"{RefreshOptions.Section}:{nameof(RefreshOptions.WatchArticles)}", true))
            services.AddHostedService<ArticleWatcherService>();

        // The naive baseline the eval reports beside the bot: BM25 alone, the top passage's best-matching sentence.
        services.AddKeyedSingleton<IAskService>(TopPassageBaselineAnswerer.AnswererName, (sp, _) => new BaselineAskService(
            sp.GetRequiredService<TalksBot.Qdrant.Index.QdrantBm25Search>(), sp.GetRequiredService<AnsweringOptions>(), sp.GetRequiredService<TimeProvider>()));

        builder.AddAnalytics();
        services.AddSingleton<ConsoleQuestionLog>();

        if (hosted)
        {
            // Liveness and readiness probes for an orchestrator, when Health:Port is set.
            services.AddOptionsWithValidateOnStart<HealthOptions, HealthOptionsValidator>().Bind(builder.Configuration.GetSection(HealthOptions.Section));
            services.AddHostedService<HealthEndpointService>();
        }

        if (hosted && !string.IsNullOrWhiteSpace(builder.Configuration["Discord:Token"]))
        {
            builder.AddDiscordBot();
            // Moderators: /articles, /refresh and /stats, answered privately and checked against Manage Server.
            services.AddModeratorCommands();
        }
        return builder;
    }
}
