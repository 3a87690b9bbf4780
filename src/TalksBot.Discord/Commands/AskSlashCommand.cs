using System.Globalization;
using TalksBot.Core.Analytics;
using TalksBot.Discord.Replies;

namespace TalksBot.Discord.Commands;

/// <summary><c>/ask question:&lt;text&gt;</c>.</summary>
internal sealed class AskSlashCommand(QuestionReplier answerer) : IBotCommand
{
    public const int MaxQuestionLength = 500;

    public ApplicationCommandDefinition Definition { get; } = new(
        "ask",
        "Ask a question about the February 2025 U.S.–Russia talks on Ukraine",
        Options: [new ApplicationCommandOption(ApplicationCommandOption.StringType, "question", "Your question", Required: true, MinLength: 2, MaxLength: MaxQuestionLength)]);

    public bool CountsAsQuestion => true;

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var question = context.GetOption("question")?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            await context.EditOriginalAsync("Please include a question, e.g. `/ask question: …`", cancellationToken);
            return;
        }

        var reply = await answerer.AnswerAsync(question, context.RawChannelId, AskChannel.Command,
            context.UserId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await context.SendAsync(reply, cancellationToken);
    }
}
