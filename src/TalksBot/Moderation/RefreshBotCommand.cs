using Microsoft.Extensions.Logging;
using TalksBot.Discord.Commands;
using TalksBot.Indexing;
using TalksBot.Qdrant.Index;

namespace TalksBot.Moderation;

/// <summary><c>/refresh run</c>, <c>/refresh status</c>, <c>/refresh rollback</c>, for moderators, answered privately.</summary>
internal sealed partial class RefreshBotCommand(ArticleIndexService index, PassageIndexWriter writer, ILogger<RefreshBotCommand> logger)
    : ModeratorCommand(logger)
{
    public override ApplicationCommandDefinition Definition { get; } = Define(
        "refresh",
        "Moderators: rebuild the index from the article folder, see its progress, or undo the last rebuild",
        new(ApplicationCommandOption.SubcommandType, "run", "Rebuild the index from the article folder; questions keep being answered meanwhile"),
        new(ApplicationCommandOption.SubcommandType, "status", "Show the running refresh's progress, or how the last one ended"),
        new(ApplicationCommandOption.SubcommandType, "rollback", "Serve the previous index version again, until the next refresh"));

    protected override async Task<string> ReplyToAsync(InteractionContext context, CancellationToken cancellationToken) => context.Subcommand switch
    {
        "run" => await RunAsync(context, cancellationToken),
        "status" => await StatusAsync(cancellationToken),
        "rollback" => await RollbackAsync(context, cancellationToken),
        _ => "Use `/refresh run`, `/refresh status` or `/refresh rollback`.",
    };

    private async Task<string> RunAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (index.GetStatus() is { Finished: false } running)
            return AlreadyRunning(running);
        await context.EditOriginalAsync("Refreshing… questions are answered from the current index until the new one is verified.", cancellationToken);
        try
        {
            var summary = await index.RefreshAsync(Actors.Discord(context.UserId), progress: null, cancellationToken);
            var skipped = summary.Skipped.Count == 0 ? "" : $"\nSkipped {summary.Skipped.Count} file(s): " +
                string.Join("; ", summary.Skipped.Select(s => $"{Path.GetFileName(s.Path)} ({s.Reason})"));
            return (summary.Rebuilt
                ? $"Refreshed: now serving `{summary.Collection}` (the previous version is kept for `/refresh rollback`).\n"
                : "Unchanged: the served index already matches the article folder.\n") + summary.Describe() + skipped;
        }
        catch (RefreshAlreadyRunningException e)
        {
            return AlreadyRunning(e.Running);
        }
        catch (IndexBuildException e)
        {
            LogRefreshFailed(Logger, e);
            return "The refresh failed, so the index that was served is still served: " + e.Message;
        }
    }

    private async Task<string> StatusAsync(CancellationToken cancellationToken)
    {
        var current = index.GetStatus();
        var manifest = await writer.GetServingManifestAsync(cancellationToken);
        var status = current is null ? "No refresh has run yet." : current.Finished ? current.Describe() : "Running: " + current.Describe();
        return status + "\n" + (manifest is null
            ? "Nothing is served yet."
            : $"Serving `{manifest.Collection}`: {manifest.ArticleCount} articles, {manifest.PassageCount} passages, built {manifest.BuiltAt:u}.");
    }

    private async Task<string> RollbackAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var result = await index.RollbackAsync(Actors.Discord(context.UserId), cancellationToken);
            return $"Rolled back from `{result.From}` to `{result.To}`: {result.ArticleCount} articles, {result.PassageCount} passages " +
                   $"(built {result.BuiltAt:u}). It stays served until the next refresh.";
        }
        catch (RefreshAlreadyRunningException e)
        {
            return AlreadyRunning(e.Running);
        }
        catch (IndexBuildException e)
        {
            return "Nothing to roll back to: " + e.Message;
        }
    }

    private static string AlreadyRunning(RefreshStatus? running) =>
        "A refresh is already running" + (running is { Finished: false } ? ": " + running.Describe() : ".") +
        "\nCheck on it with `/refresh status`.";

    [LoggerMessage(5203, LogLevel.Warning, "A refresh started from Discord failed; the served index is unchanged")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
