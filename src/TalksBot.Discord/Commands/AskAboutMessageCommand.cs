using System.Globalization;
using TalksBot.Core.Analytics;
using TalksBot.Discord.Replies;

namespace TalksBot.Discord.Commands;

/// <summary>The "Ask TalksBot" message context menu command: answers about the selected message's text.</summary>
internal sealed class AskAboutMessageCommand(QuestionReplier answerer) : IBotCommand
{
    // Context menu commands have a display name (spaces and capitals allowed) and an empty description.
    public ApplicationCommandDefinition Definition { get; } = new("Ask TalksBot", "", ApplicationCommandDefinition.MessageContextMenu);

    public bool CountsAsQuestion => true;

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var text = context.TargetMessageContent?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await context.EditOriginalAsync("That message has no text I can ask about.", cancellationToken);
            return;
        }

        if (text.Length > AskSlashCommand.MaxQuestionLength)
        {
            text = text[..AskSlashCommand.MaxQuestionLength];
        }

        var reply = await answerer.AnswerAsync(text, context.RawChannelId, AskChannel.Command,
            context.UserId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await context.SendAsync(reply, cancellationToken);
    }
}
