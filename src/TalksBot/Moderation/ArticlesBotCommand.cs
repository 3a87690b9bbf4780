using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Articles;
using TalksBot.Discord.Commands;
using TalksBot.Indexing;
using TalksBot.WebArticles;

namespace TalksBot.Moderation;

/// <summary>
/// <c>/articles add url:&lt;url&gt;</c> or <c>/articles add file:&lt;attachment&gt;</c>, <c>/articles remove id:&lt;id&gt;</c> and
/// <c>/articles list</c>, for moderators, answered privately.
/// </summary>
internal sealed class ArticlesBotCommand(ArticleSetService articles, IOptions<ArticleLoaderOptions> loaderOptions, ILogger<ArticlesBotCommand> logger)
    : ModeratorCommand(logger)
{
    public override ApplicationCommandDefinition Definition { get; } = Define(
        "articles",
        "Moderators: add, remove or list the news articles TalksBot answers from",
        new(ApplicationCommandOption.SubcommandType, "add", "Import a news article from a web page or a file; it is served after the next /refresh run",
            Options:
            [
                new(ApplicationCommandOption.StringType, "url", "The article's http(s) address", MinLength: 8, MaxLength: 2000),
                new(ApplicationCommandOption.AttachmentType, "file", "Or the article as a .txt, .md or .html file (UTF-8)"),
            ]),
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
        var file = context.GetAttachment("file");
        // Discord cannot require "one of two options", so say which to give.
        if (string.IsNullOrEmpty(source) == (file is null))
            return "Give either `url:` (the article's web address) or `file:` (the article as a .txt, .md or .html file), not both.";
        if (file is not null)
            return await AddFileAsync(context, file, cancellationToken);

        // Only web addresses: the service also imports local files, which must never be reachable from Discord.
        if (!Uri.TryCreate(source, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return "Please give the article's web address, starting with https://, or attach the article as a file with `file:`.";
        return await AddOrExplainAsync(() => articles.AddAsync(url.AbsoluteUri, Actors.Discord(context.UserId), refresh: false, cancellationToken));
    }

    private async Task<string> AddFileAsync(InteractionContext context, InteractionAttachment file, CancellationToken cancellationToken)
    {
        byte[] content;
        try
        {
            // Refused before fetching anything: the loader would never read it.
            articles.EnsureImportable(file.FileName);
            content = await context.DownloadAsync(file, loaderOptions.Value.MaxFileBytes, cancellationToken);
        }
        catch (WebArticleException e)
        {
            return "Could not add that file: " + e.Message;
        }
        catch (AttachmentDownloadException e)
        {
            return "Could not add that file: " + e.Message;
        }

        return await AddOrExplainAsync(() =>
            articles.AddContentAsync(file.FileName, content, $"Discord attachment {file.FileName}", Actors.Discord(context.UserId), refresh: false, cancellationToken));
    }

    private static async Task<string> AddOrExplainAsync(Func<Task<ArticleChange>> add)
    {
        try
        {
            var added = await add();
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
