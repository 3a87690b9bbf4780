using TalksBot.Core.Analytics;
using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Replies;

/// <summary>The 👍/👎 row under an answer; custom ids carry the question id, e.g. <c>fb:up:&lt;guid&gt;</c>.</summary>
internal static class FeedbackButtons
{
    private const string Prefix = "fb:";
    private const int ActionRow = 1;
    private const int Button = 2;
    private const int Secondary = 2;

    public static IReadOnlyList<Component> For(Guid questionId) =>
    [
        new Component(ActionRow, Components:
        [
            new Component(Button, Style: Secondary, CustomId: CustomId(FeedbackVote.Up, questionId), Emoji: new Emoji("👍")),
            new Component(Button, Style: Secondary, CustomId: CustomId(FeedbackVote.Down, questionId), Emoji: new Emoji("👎")),
        ]),
    ];

    public static string CustomId(FeedbackVote vote, Guid questionId) =>
        $"{Prefix}{(vote == FeedbackVote.Up ? "up" : "down")}:{questionId:D}";

    public static bool TryParse(string? customId, out FeedbackVote vote, out Guid questionId)
    {
        vote = default;
        questionId = default;
        if (customId is null || !customId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = customId.Split(':');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[2], "D", out questionId))
        {
            return false;
        }

        switch (parts[1])
        {
            case "up":
                vote = FeedbackVote.Up;
                return true;
            case "down":
                vote = FeedbackVote.Down;
                return true;
            default:
                return false;
        }
    }
}
