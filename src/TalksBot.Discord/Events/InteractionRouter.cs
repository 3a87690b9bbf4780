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

    public Task RouteAsync(JsonElement data, CancellationToken cancellationToken)
    {
        var interaction = GatewayData.Interaction(data);
        return interaction.Type switch
        {
            ApplicationCommand => HandleCommandAsync(interaction, cancellationToken),
            MessageComponent => HandleComponentAsync(interaction, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    private async Task HandleCommandAsync(InteractionData interaction, CancellationToken cancellationToken)
    {
        var context = new InteractionContext(interaction, api, [.. options.Value.ModeratorRoleIds], attachments);
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

        await context.DeferAsync(command.Ephemeral, cancellationToken);
        await work.EnqueueAsync(new WorkItem($"/{command.Definition.Name}", ct => RunCommandAsync(command, context, ct)), cancellationToken);
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
        await work.EnqueueAsync(new WorkItem("feedback", async ct =>
        {
            var found = await questions.RecordFeedbackAsync(questionId, userId, vote, ct);
            LogFeedback(vote, questionId, found);
        }), cancellationToken);
    }

    [LoggerMessage(1102, LogLevel.Information, "User {UserId} is over the per-user question limit")]
    private partial void LogUserLimited(ulong userId);

    [LoggerMessage(1103, LogLevel.Error, "The /{Command} command failed")]
    private partial void LogCommandFailed(Exception exception, string command);

    [LoggerMessage(1104, LogLevel.Information, "Feedback {Vote} on question {QuestionId} (question known: {Found})")]
    private partial void LogFeedback(FeedbackVote vote, Guid questionId, bool found);
}
