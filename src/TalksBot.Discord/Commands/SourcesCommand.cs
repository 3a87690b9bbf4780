using TalksBot.Core.Articles;
using TalksBot.Discord.Replies;

namespace TalksBot.Discord.Commands;

/// <summary><c>/sources</c>: the articles the bot answers from, with dates and links.</summary>
internal sealed class SourcesCommand(IArticleCatalog catalog) : IBotCommand
{
    public ApplicationCommandDefinition Definition { get; } = new("sources", "List the news articles TalksBot answers from");

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var articles = await catalog.ListAsync(cancellationToken);
        await context.SendAsync(ReplyFormatter.FormatSources(articles), cancellationToken);
    }
}
