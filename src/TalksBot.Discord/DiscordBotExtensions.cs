using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TalksBot.Discord.Commands;
using TalksBot.Discord.Events;
using TalksBot.Discord.Gateway;
using TalksBot.Discord.Limits;
using TalksBot.Discord.Replies;
using TalksBot.Discord.Rest;

namespace TalksBot.Discord;

public static class DiscordBotExtensions
{
    /// <summary>
    /// Registers the Discord bot: gateway session, REST client, command table (/ask, "Ask TalksBot", /sources) and
    /// message handling. Needs <c>IAskService</c>, <c>IArticleCatalog</c> and <c>IQuestionLog</c> registered. More
    /// commands join with <c>services.AddSingleton&lt;IBotCommand, MyCommand&gt;()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDiscordBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<DiscordOptions>().Bind(builder.Configuration.GetSection(DiscordOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(DiscordRestClient.HttpClientName, (provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
            var baseUrl = options.ApiBaseUrl.ToString();
            http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            http.Timeout = TimeSpan.FromSeconds(30);
            http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bot " + options.Token);
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "DiscordBot (https://github.com/talksbot, 1.0)");
        }).RemoveAllLoggers(); // The default loggers print full URLs, and webhook URLs carry interaction tokens.
        services.AddHttpClient(AttachmentDownloader.HttpClientName, http =>
        {
            http.Timeout = TimeSpan.FromSeconds(30);
            http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", "DiscordBot (https://github.com/talksbot, 1.0)");
        }).RemoveAllLoggers(); // Attachment URLs are signed.

        services.AddSingleton<DiscordBotStatus>();
        services.AddSingleton<DiscordRestClient>();
        services.AddSingleton<DiscordApi>();
        services.AddSingleton<AttachmentDownloader>();
        services.AddSingleton<GatewayEventQueue>();
        services.AddSingleton<ShardAssignment>();
        services.AddSingleton<IdentifyGate>();
        services.AddSingleton<WorkQueue>();
        services.AddSingleton(provider => new UserQuestionLimiter(
            provider.GetRequiredService<IOptions<DiscordOptions>>().Value.QuestionsPerMinute, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConversationTracker>();
        services.AddSingleton<QuestionReplier>();
        services.AddSingleton<CommandTable>();
        services.AddSingleton<CommandRegistrar>();
        services.AddSingleton<InteractionRouter>();
        services.AddSingleton<MessageRouter>();

        services.AddSingleton<IBotCommand, AskSlashCommand>();
        services.AddSingleton<IBotCommand, AskAboutMessageCommand>();
        services.AddSingleton<IBotCommand, SourcesCommand>();

        services.AddHostedService<AnswerWorkers>();
        services.AddHostedService<EventDispatcher>();
        services.AddHostedService<GatewayService>();
        return builder;
    }
}
