using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenAI;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Ranking;
using TalksBot.Core.Retrieval;
using TalksBot.Llm.Answering;
using TalksBot.Llm.OpenAi;

namespace TalksBot.Llm;

public static class LlmHostingExtensions
{
    /// <summary>
    /// Registers <see cref="LlmOptions"/> (section "Llm", validated at start-up) and, only when configured:
    /// <list type="bullet">
    /// <item>Llm:ChatModel: <see cref="IChatClient"/> (Microsoft.Extensions.AI.OpenAI with our middleware) and <see cref="VerifiedLlmAnswerer"/>
    /// (also as <see cref="IStreamingAnswerer"/>), falling back to the <see cref="IAnswerer"/> keyed <see cref="LlmServiceKeys.FallbackAnswerer"/>.</item>
    /// <item>Llm:EmbeddingModel: the endpoint's <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> keyed <see cref="LlmServiceKeys.EndpointEmbeddings"/>,
    /// the embedder when <c>Embeddings:Provider</c> is <c>OpenAi</c>.</item>
    /// </list>
    /// The generative answerer runs on a Semantic Kernel (<see cref="AnswerKernel"/>) with the Llm:PromptPath template, checked at
    /// start-up, and searches again through the <see cref="IPassageSearch"/> the index registers.
    /// It chooses the <see cref="IAnswerer"/>: the generative one when Llm:ChatModel is set, else Core's
    /// <see cref="RankedSentenceAnswerer"/>, which is also the generative one's fallback unless the host registered another. The embedder is chosen by AddEmbeddings.
    /// </summary>
    public static IHostApplicationBuilder AddLlm(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(LlmOptions.Section);
        builder.Services.AddOptionsWithValidateOnStart<LlmOptions>().BindConfiguration(LlmOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<LlmOptions>, AnswerPromptValidator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<LlmOptions>>().Value);
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Which services exist is decided from configuration now, so the executable can ask the container
        // (GetService<VerifiedLlmAnswerer>() is null) instead of re-reading settings.
        var configured = new LlmOptions();
        section.Bind(configured);
        if (configured.IsChatConfigured || configured.IsEmbeddingConfigured)
        {
            // One client, so chat and embeddings share one HTTP pipeline to the endpoint.
            builder.Services.AddSingleton(sp => OpenAiClientFactory.Client(sp.GetRequiredService<LlmOptions>()));
        }

        if (configured.IsChatConfigured)
        {
            builder.Services.AddSingleton(sp => OpenAiClientFactory.Chat(
                sp.GetRequiredService<OpenAIClient>(), sp.GetRequiredService<LlmOptions>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddSingleton(sp => AnswerPrompt.Load(sp.GetRequiredService<LlmOptions>().PromptPath));
            builder.Services.AddSingleton(sp => AnswerKernel.Create(
                sp.GetRequiredService<IChatClient>(), sp.GetRequiredService<LlmOptions>(), sp.GetRequiredService<ILoggerFactory>()));
            builder.Services.AddSingleton(sp =>
            {
                var options = sp.GetRequiredService<LlmOptions>();
                var fallback = sp.GetRequiredKeyedService<IAnswerer>(LlmServiceKeys.FallbackAnswerer);
                var logger = sp.GetRequiredService<ILogger<VerifiedLlmAnswerer>>();
                // Only the host: a URL's path or query is where a proxy-style key could hide.
                logger.LogChatConfigured(options.ChatModel!, options.Endpoint!.Authority, fallback.Name);
                return new VerifiedLlmAnswerer(
                    sp.GetRequiredService<Kernel>(), sp.GetRequiredService<AnswerPrompt>(), sp.GetRequiredService<IPassageSearch>(),
                    fallback, options, sp.GetRequiredService<TimeProvider>(), logger);
            });
            builder.Services.AddSingleton<IStreamingAnswerer>(sp => sp.GetRequiredService<VerifiedLlmAnswerer>());
        }

        // The ranked-sentence answerer (registered by AddTalksBotCore) answers with no model and when the model fails;
        // TryAdd, so a host that brings its own fallback keeps it.
        builder.Services.TryAddKeyedSingleton<IAnswerer>(LlmServiceKeys.FallbackAnswerer, (sp, _) => sp.GetRequiredService<RankedSentenceAnswerer>());
        builder.Services.TryAddSingleton<IAnswerer>(sp =>
            sp.GetService<VerifiedLlmAnswerer>() as IAnswerer ?? sp.GetRequiredService<RankedSentenceAnswerer>());

        if (configured.IsEmbeddingConfigured)
        {
            builder.Services.AddKeyedSingleton(LlmServiceKeys.EndpointEmbeddings, (sp, _) => OpenAiClientFactory.Embeddings(
                sp.GetRequiredService<OpenAIClient>(), sp.GetRequiredService<LlmOptions>(), sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<TimeProvider>()));
        }

        return builder;
    }
}
