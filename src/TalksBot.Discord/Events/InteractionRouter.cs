using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Analytics;
using TalksBot.Discord.Commands;
using TalksBot.Discord.Gateway;
using TalksBot.Discord.Limits;
using TalksBot.Discord.Replies;
using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Events;

/// <summary>
/// The quick part of handling an interaction: refuse or acknowledge within Discord's 3 s, then queue the slow part.
/// </summary>
internal sealed partial class InteractionRouter(
    CommandTable commands,
    DiscordApi api,
    AttachmentDownloader attachments,
    UserQuestionLimiter limiter,
    WorkQueue work,
    IQuestionLog questions,
    IOptions<DiscordOptions> options,
    ILogger<InteractionRouter> logger)
{
    private const int ApplicationCommand = 2;
    private const int MessageComponent = 3;
    private const int DeferredUpdateMessage = 6;

    /// <param name="busy">The event workers are behind: commands get the busy reply instead of being run.</param>
    public Task RouteAsync(JsonElement data, bool busy, CancellationToken cancellationToken)
    {
        var interaction = GatewayData.Interaction(data);
        return interaction.Type switch
        {
            ApplicationCommand => HandleCommandAsync(interaction, busy, cancellationToken),
            MessageComponent => HandleComponentAsync(interaction, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private async Task HandleCommandAsync(InteractionData interaction, bool busy, CancellationToken cancellationToken)
    {
        var context = new InteractionContext(interaction, api, [.. options.Value.ModeratorRoleIds], attachments);
        if (busy)
        {
            await RespondBusyAsync(context, interaction, "event", cancellationToken);
            return;
        }

        var command = commands.Find(interaction.Data?.Name);
        if (command is null)
        {
            await context.RespondAsync("I don't know that command. It may have been removed; try `/ask`.", ephemeral: true, cancellationToken);
            return;
        }

        // default_member_permissions only hides a command; Discord lets server owners override it, so check again here.
        // A configured moderator role stands in for the permission.
        if (command.Definition.DefaultMemberPermissions is { } required
            && ulong.TryParse(required, NumberStyles.None, CultureInfo.InvariantCulture, out var requiredBits)
            && !context.HasPermissions(requiredBits)
            && !context.HasModeratorRole)
        {
            await context.RespondAsync("You don't have the server permission or moderator role this command needs.", ephemeral: true, cancellationToken);
            return;
        }

        if (command.CountsAsQuestion)
        {
            using var lease = limiter.AttemptAcquire(context.UserId.ToString(CultureInfo.InvariantCulture));
            if (!lease.IsAcquired)
            {
                LogUserLimited(context.UserId);
                await context.RespondAsync(RateLimitReply.For(lease, options.Value.QuestionsPerMinute), ephemeral: true, cancellationToken);
                return;
            }
        }

        // Queued before the deferral, so a full queue can still get the ephemeral busy reply as the first response (a
        // deferral fixes the visibility); the work waits until the deferral went out, or the command's edit would fail.
        var deferred = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = work.TryEnqueue(new WorkItem($"/{command.Definition.Name}", async ct =>
        {
            await deferred.Task.WaitAsync(ct);
            await RunCommandAsync(command, context, ct);
        }));
        if (!queued)
        {
            await RespondBusyAsync(context, interaction, "answer", cancellationToken);
            return;
        }

        try
        {
            await context.DeferAsync(command.Ephemeral, cancellationToken);
            deferred.SetResult();
        }
        catch (Exception ex)
        {
            deferred.SetException(ex);
            throw;
        }
    }

    private Task RespondBusyAsync(InteractionContext context, InteractionData interaction, string queue, CancellationToken cancellationToken)
    {
        LogBusy(interaction.Data?.Name, context.UserId, interaction.ChannelId, interaction.Id, queue);
        return context.RespondAsync(BusyReply.Text, ephemeral: true, cancellationToken);
    }

    private async Task RunCommandAsync(IBotCommand command, InteractionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await command.HandleAsync(context, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogCommandFailed(ex, command.Definition.Name);
            await context.EditOriginalAsync(QuestionReplier.Apology, cancellationToken);
        }
    }

    private async Task HandleComponentAsync(InteractionData interaction, CancellationToken cancellationToken)
    {
        // Acknowledge every click at once (type 6: no visible change), or Discord shows "This interaction failed".
        await api.CreateInteractionResponseAsync(interaction.Id, interaction.Token, new InteractionResponse(DeferredUpdateMessage), cancellationToken);
        if (!FeedbackButtons.TryParse(interaction.Data?.CustomId, out var vote, out var questionId))
        {
            return;
        }

        var userId = (interaction.Member?.User ?? interaction.User)?.Id;
        var queued = work.TryEnqueue(new WorkItem("feedback", async ct =>
        {
            var found = await questions.RecordFeedbackAsync(questionId, userId, vote, ct);
            LogFeedback(vote, questionId, found);
        }));
        if (!queued)
        {
            LogFeedbackDropped(vote, questionId, work.Capacity);
        }
    }

    [LoggerMessage(1107, LogLevel.Warning, "Too busy to run /{Command} (interaction {InteractionId}) for user {UserId} in channel {ChannelId}: the {Queue} queue is full; told them to ask again")]
    private partial void LogBusy(string? command, ulong userId, string? channelId, string interactionId, string queue);

    [LoggerMessage(1108, LogLevel.Warning, "Feedback {Vote} on question {QuestionId} not recorded: the answer queue is full ({Capacity})")]
    private partial void LogFeedbackDropped(FeedbackVote vote, Guid questionId, int capacity);

    [LoggerMessage(1102, LogLevel.Information, "User {UserId} is over the per-user question limit")]
    private partial void LogUserLimited(ulong userId);

    [LoggerMessage(1103, LogLevel.Error, "The /{Command} command failed")]
    private partial void LogCommandFailed(Exception exception, string command);

    [LoggerMessage(1104, LogLevel.Information, "Feedback {Vote} on question {QuestionId} (question known: {Found})")]
    private partial void LogFeedback(FeedbackVote vote, Guid questionId, bool found);
}
