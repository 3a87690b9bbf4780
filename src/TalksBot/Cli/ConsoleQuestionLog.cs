using TalksBot.Core.Analytics;
using TalksBot.Core.Answering;

namespace TalksBot.Cli;

/// <summary>Records console questions for moderators' analytics, as the bot does for Discord questions.</summary>
internal sealed class ConsoleQuestionLog(IQuestionLog log, TimeProvider time)
{
    public Task RecordAsync(AskResult result, AskChannel channel, CancellationToken cancellationToken) =>
        log.RecordQuestionAsync(
            new QuestionLogEntry(Guid.NewGuid(), time.GetUtcNow(), channel, "local:" + Environment.UserName,
                result.Question, result.Answer, result.Latency),
            cancellationToken);
}
