using System.Collections.Concurrent;
using TalksBot.Core.Analytics;

namespace TalksBot.Discord.Tests.Fakes;

internal sealed class FakeQuestionLog : IQuestionLog
{
    public ConcurrentQueue<QuestionLogEntry> Questions { get; } = new();

    public ConcurrentQueue<(Guid QuestionId, string? UserId, FeedbackVote Vote)> Votes { get; } = new();

    public Task RecordQuestionAsync(QuestionLogEntry entry, CancellationToken cancellationToken)
    {
        Questions.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<bool> RecordFeedbackAsync(Guid questionId, string? userId, FeedbackVote vote, CancellationToken cancellationToken)
    {
        Votes.Enqueue((questionId, userId, vote));
        return Task.FromResult(Questions.Any(q => q.Id == questionId));
    }
}
