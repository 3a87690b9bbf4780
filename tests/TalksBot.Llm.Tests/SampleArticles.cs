using TalksBot.Core.Articles;
using TalksBot.Core.Passages;
using TalksBot.Core.Retrieval;

namespace TalksBot.Llm.Tests;

/// <summary>Two small articles cut into passages whose offsets index into the article text, as ingestion does.</summary>
internal static class SampleArticles
{
    public const string MeetingText =
        "Russian and U.S. officials met in Riyadh on February 18. The talks lasted four and a half hours. " +
        "Secretary of State Marco Rubio led the American delegation.\n\n" +
        "Ukraine was not invited to the meeting. President Zelensky said Kyiv would not accept any outcome decided without it.";

    public const string FollowUpText =
        "Both sides agreed to restore embassy staffing. A further round of talks is expected within weeks.";

    public static readonly ArticleInfo Meeting = new("001_meeting", "Officials meet in Riyadh", "https://example.org/riyadh", new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero), null);

    public static readonly ArticleInfo FollowUp = new("002_followup", "Embassies to reopen", null, null, null);

    /// <summary>[1] Ukraine paragraph, [2] Riyadh paragraph, [3] embassies.</summary>
    public static IReadOnlyList<RetrievedPassage> Passages()
    {
        var split = MeetingText.IndexOf("\n\n", StringComparison.Ordinal);
        var ukraineStart = split + 2;
        return
        [
            Retrieved(Meeting, MeetingText, 1, ukraineStart, MeetingText.Length, 0),
            Retrieved(Meeting, MeetingText, 0, 0, split, 1),
            Retrieved(FollowUp, FollowUpText, 0, 0, FollowUpText.Length, 2),
        ];
    }

    public static string TextOf(string articleId) => articleId == Meeting.Id ? MeetingText : FollowUpText;

    private static RetrievedPassage Retrieved(ArticleInfo article, string text, int ordinal, int start, int end, int rank) =>
        new(new Passage(Guid.NewGuid(), article.Id, ordinal, null, text[start..end], start, end), article, 1.0 / (rank + 1), rank);
}
