using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using TalksBot.Discord.Commands;
using TalksBot.Indexing;
using TalksBot.WebArticles;

namespace TalksBot.Moderation;

/// <summary><c>/articles add url:&lt;url&gt;</c>, <c>/articles remove id:&lt;id&gt;</c>, <c>/articles list</c>, for moderators, answered privately.</summary>
internal sealed class ArticlesBotCommand(ArticleSetService articles, ILogger<ArticlesBotCommand> logger) : ModeratorCommand(logger)
{
    public override ApplicationCommandDefinition Definition { get; } = Define(
        "articles",
        "Moderators: add, remove or list the news articles TalksBot answers from",
        new(ApplicationCommandOption.SubcommandType, "add", "Import a news article from a web page; it is served after the next /refresh run",
            Options: [new(ApplicationCommandOption.StringType, "url", "The article's http(s) address", Required: true, MinLength: 8, MaxLength: 2000)]),
        new(ApplicationCommandOption.SubcommandType, "remove", "Remove an article (see /articles list for ids); it stays served until the next /refresh run",
            Options: [new(ApplicationCommandOption.StringType, "id", "The article id, e.g. 001_3f2a…", Required: true, MinLength: 1, MaxLength: 200)]),
        new(ApplicationCommandOption.SubcommandType, "list", "List the articles and whether each one is served"));

    protected override async Task<string> ReplyToAsync(InteractionContext context, CancellationToken cancellationToken) => context.Subcommand switch
    {
        "add" => await AddAsync(context, cancellationToken),
        "remove" => await RemoveAsync(context, cancellationToken),
        "list" => await ListAsync(cancellationToken),
        _ => "Use `/articles add`, `/articles remove` or `/articles list`.",
    };

    private async Task<string> AddAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var source = context.GetOption("url")?.Trim();
        // Only web addresses: the service also imports local files, which must never be reachable from Discord.
        if (!Uri.TryCreate(source, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return "Please give the article's web address, starting with https:// (files can be added on the command line: `talksbot articles add <file>`).";
        try
        {
            var added = await articles.AddAsync(url.AbsoluteUri, Actors.Discord(context.UserId), refresh: false, cancellationToken);
            return $"Added `{added.Id}`: {added.Title ?? "(untitled)"}. It is answered from after the next refresh (`/refresh run`).";
        }
        catch (WebArticleException e)
        {
            return "Could not add that article: " + e.Message;
        }
    }

    private async Task<string> RemoveAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var id = context.GetOption("id")?.Trim();
        if (string.IsNullOrEmpty(id))
            return "Please give the article id (see `/articles list`).";
        try
        {
            var removed = await articles.RemoveAsync(id, Actors.Discord(context.UserId), refresh: false, cancellationToken);
            return $"Removed `{removed.Id}` from the article folder. It stays served until the next refresh (`/refresh run`).";
        }
        catch (WebArticleException e)
        {
            return "Could not remove that article: " + e.Message;
        }
    }

    private async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var listing = await articles.ListAsync(cancellationToken);
        if (listing.Count == 0)
            return "There are no articles yet. Add one with `/articles add url:<address>`.";
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{listing.Count} articles:");
        foreach (var article in listing)
        {
            var published = article.Published is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "undated";
            text.Append(CultureInfo.InvariantCulture, $"\n• `{article.Id}` {article.Title} ({published}) — {article.Served}");
        }

        return text.ToString();
    }
}
