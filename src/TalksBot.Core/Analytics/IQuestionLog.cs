namespace TalksBot.Core.Analytics;

/// <summary>Records questions and feedback for moderators' analytics (implemented over SQLite).</summary>
public interface IQuestionLog
{
    /// <summary>Records a question with its answer and citations.</summary>
    Task RecordQuestionAsync(QuestionLogEntry entry, CancellationToken cancellationToken);

    /// <summary>Records a vote on an earlier question; returns false when no such question was recorded.</summary>
    Task<bool> RecordFeedbackAsync(Guid questionId, string? userId, FeedbackVote vote, CancellationToken cancellationToken);
}
