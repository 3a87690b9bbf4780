namespace TalksBot.Analytics.Reports;

/// <summary>Similar questions the articles did not answer well: a hint at which article to add.</summary>
/// <param name="Question">The group's representative wording (its most frequent form, earliest on a tie).</param>
/// <param name="Count">How many questions fell into the group.</param>
/// <param name="Unanswered">How many of them the bot abstained on.</param>
/// <param name="DownVoted">How many of them drew more 👎 than 👍.</param>
public sealed record CoverageGap(string Question, int Count, int Unanswered, int DownVoted, DateTimeOffset LatestAt);
