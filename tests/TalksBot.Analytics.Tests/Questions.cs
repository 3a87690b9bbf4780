using TalksBot.Core.Analytics;
using TalksBot.Core.Answering;

namespace TalksBot.Analytics.Tests;

/// <summary>Builds log entries with only the parts a test cares about spelled out.</summary>
internal static class Questions
{
    public static readonly DateTimeOffset Start = new(2025, 2, 20, 12, 0, 0, TimeSpan.Zero);

    public static Citation Cite(int number, string articleId, string title = "An article") =>
        new(number, articleId, title, "https://example.org/" + articleId, Start, Guid.NewGuid(), "A quoted sentence.", 10, 28);

    public static QuestionLogEntry Answered(
        string question, params Citation[] citations) =>
        new(Guid.NewGuid(), Start, AskChannel.Command, "discord:111", question,
            new Answer("An answer [1].", false, citations, "extractive"), TimeSpan.FromMilliseconds(500));

    public static QuestionLogEntry Abstained(string question, DateTimeOffset? at = null, string? userId = "discord:111") =>
        new(Guid.NewGuid(), at ?? Start, AskChannel.Mention, userId, question,
            new Answer("The articles don't say.", true, [], "extractive"), TimeSpan.FromMilliseconds(300));
}
