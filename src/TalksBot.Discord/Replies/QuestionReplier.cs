using Microsoft.Extensions.Logging;
using TalksBot.Core.Analytics;
using TalksBot.Core.Answering;

namespace TalksBot.Discord.Replies;

/// <summary>Asks the answer engine, records the question for analytics, and formats the reply with feedback buttons.</summary>
internal sealed partial class QuestionReplier(
    IAskService ask,
    IQuestionLog questions,
    ConversationTracker conversations,
    TimeProvider time,
    ILogger<QuestionReplier> logger)
{
    public const string Apology = "Sorry, I couldn't answer that just now. Please try again in a moment.";

    public async Task<IReadOnlyList<OutgoingMessage>> AnswerAsync(string question, string? conversationId, AskChannel channel, string userId, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var askedAt = time.GetUtcNow();
        LogQuestion(channel, question);
        AskResult result;
        try
        {
            // A conversation is one user's in one channel or thread: in a busy channel another member's question must
            // never be taken as the earlier turn of this one's follow-up.
            var conversation = conversationId is null ? null : conversations.ConversationFor(conversationId, userId);
            result = await ask.AskAsync(new AskRequest(question, conversation), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogAskFailed(ex, channel);
            return [new OutgoingMessage(Apology)];
        }

        try
        {
            await questions.RecordQuestionAsync(new QuestionLogEntry(id, askedAt, channel, userId, question, result.Answer, result.Latency), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Analytics must not cost the user their answer.
            LogRecordFailed(ex);
        }

        return ReplyFormatter.FormatAnswer(result.Answer, id);
    }

    [LoggerMessage(1301, LogLevel.Debug, "Question via {Channel}: {Question}")]
    private partial void LogQuestion(AskChannel channel, string question);

    [LoggerMessage(1302, LogLevel.Error, "Answering a question via {Channel} failed")]
    private partial void LogAskFailed(Exception exception, AskChannel channel);

    [LoggerMessage(1303, LogLevel.Warning, "Recording a question for analytics failed")]
    private partial void LogRecordFailed(Exception exception);
}
