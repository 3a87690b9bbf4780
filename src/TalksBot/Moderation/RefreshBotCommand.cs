using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Discord.Commands;
using TalksBot.Discord.Rest;
using TalksBot.Indexing;
using TalksBot.Qdrant.Index;

namespace TalksBot.Moderation;

/// <summary><c>/refresh run</c>, <c>/refresh status</c>, <c>/refresh rollback</c>, <c>/refresh rollforward</c>, for moderators, answered privately.</summary>
internal sealed partial class RefreshBotCommand(
    ArticleIndexService index,
    PassageIndexWriter writer,
    IOptions<RefreshOptions> options,
    TimeProvider time,
    ILogger<RefreshBotCommand> logger)
    : ModeratorCommand(logger)
{
    private const string Refreshing = "Refreshing… questions are answered from the current index until the new one is verified.";
    private const int BarWidth = 10;

    public override ApplicationCommandDefinition Definition { get; } = Define(
        "refresh",
        "Moderators: rebuild the index from the article folder, see its progress, or undo the last rebuild",
        new(ApplicationCommandOption.SubcommandType, "run", "Rebuild the index from the article folder; questions keep being answered meanwhile"),
        new(ApplicationCommandOption.SubcommandType, "status", "Show the running refresh's progress, or how the last one ended"),
        new(ApplicationCommandOption.SubcommandType, "rollback", "Serve the previous index version again, until the next refresh"),
        new(ApplicationCommandOption.SubcommandType, "rollforward", "Serve again the version the last rollback went back from"));

    protected override async Task<string> ReplyToAsync(InteractionContext context, CancellationToken cancellationToken) => context.Subcommand switch
    {
        "run" => await RunAsync(context, cancellationToken),
        "status" => await StatusAsync(cancellationToken),
        "rollback" => await RollbackAsync(context, cancellationToken),
        "rollforward" => await RollforwardAsync(context, cancellationToken),
        _ => "Use `/refresh run`, `/refresh status`, `/refresh rollback` or `/refresh rollforward`.",
    };

    private async Task<string> RunAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (index.GetStatus() is { Finished: false } running)
            return AlreadyRunning(running);
        await context.EditOriginalAsync(Refreshing, cancellationToken);
        using var finished = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporting = ReportProgressAsync(context, finished.Token);
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
        finally
        {
            // The final reply must be the last edit, so no progress edit may still be on its way.
            await finished.CancelAsync();
            await reporting;
        }
    }

    // Edits the private reply with the running refresh's phase and a bar, at most once per interval and only on change.
    private async Task ReportProgressAsync(InteractionContext context, CancellationToken finished)
    {
        using var timer = new PeriodicTimer(options.Value.ProgressInterval, time);
        RefreshStatus? shown = null;
        try
        {
            while (await timer.WaitForNextTickAsync(finished))
            {
                if (index.GetStatus() is not { Finished: false } running || running == shown)
                    continue;
                await context.EditOriginalAsync(Refreshing + "\n" + Describe(running), finished);
                shown = running;
            }
        }
        catch (OperationCanceledException) when (finished.IsCancellationRequested)
        {
        }
        catch (DiscordRestException e)
        {
            // Progress is a courtesy: the refresh goes on and its outcome is still posted.
            LogProgressEditFailed(Logger, e);
        }
    }

    /// <summary>The phase and, when the passage count is known, a bar such as <c>▰▰▰▰▱▱▱▱▱▱ 40%</c>.</summary>
    private static string Describe(RefreshStatus running)
    {
        if (running.PassagesTotal <= 0)
            return $"{running.Phase}…";
        var share = Math.Clamp((double)running.PassagesDone / running.PassagesTotal, 0, 1);
        var filled = (int)Math.Round(share * BarWidth);
        return $"{running.Phase}: {new string('▰', filled)}{new string('▱', BarWidth - filled)} " +
               $"{share:P0} ({running.PassagesDone}/{running.PassagesTotal} passages)";
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
                   $"(built {result.BuiltAt:u}). It stays served until the next refresh; `/refresh rollforward` goes back to `{result.From}`.";
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

    private async Task<string> RollforwardAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var result = await index.RollforwardAsync(Actors.Discord(context.UserId), cancellationToken);
            return $"Rolled forward from `{result.From}` to `{result.To}`: {result.ArticleCount} articles, {result.PassageCount} passages (built {result.BuiltAt:u}).";
        }
        catch (RefreshAlreadyRunningException e)
        {
            return AlreadyRunning(e.Running);
        }
        catch (IndexBuildException e)
        {
            return "Nothing to roll forward to: " + e.Message;
        }
    }

    private static string AlreadyRunning(RefreshStatus? running) =>
        "A refresh is already running" + (running is { Finished: false } ? ": " + running.Describe() : ".") +
        "\nCheck on it with `/refresh status`.";

    [LoggerMessage(5204, LogLevel.Warning, "Could not show a refresh's progress in Discord; the refresh goes on")]
    private static partial void LogProgressEditFailed(ILogger logger, Exception exception);

    [LoggerMessage(5203, LogLevel.Warning, "A refresh started from Discord failed; the served index is unchanged")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
