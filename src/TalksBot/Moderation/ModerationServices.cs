using Microsoft.Extensions.DependencyInjection;
using TalksBot.Discord.Commands;

namespace TalksBot.Moderation;

/// <summary>The moderator slash commands; the bot registers every <see cref="IBotCommand"/> on READY.</summary>
internal static class ModerationServices
{
    public static IServiceCollection AddModeratorCommands(this IServiceCollection services)
    {
        services.AddSingleton<IBotCommand, ArticlesBotCommand>();
        services.AddSingleton<IBotCommand, RefreshBotCommand>();
        services.AddSingleton<IBotCommand, StatsBotCommand>();
        return services;
    }
}
