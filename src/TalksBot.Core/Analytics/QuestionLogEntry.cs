using TalksBot.Core.Answering;

namespace TalksBot.Core.Analytics;

/// <summary>One answered (or abstained) question, as recorded for moderators' analytics.</summary>
/// <param name="Id">Also carried in the feedback buttons' custom ids, so a click finds its question.</param>
/// <param name="UserId">The asker's raw id; the store decides whether to hash it.</param>
public sealed record QuestionLogEntry(
    Guid Id,
    DateTimeOffset AskedAt,
    AskChannel Channel,
    string? UserId,
    string Question,
    Answer Answer,
    TimeSpan Latency);
