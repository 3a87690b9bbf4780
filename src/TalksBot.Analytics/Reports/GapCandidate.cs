namespace TalksBot.Analytics.Reports;

/// <summary>A question that may show a coverage gap: the bot abstained, or readers voted it down.</summary>
internal sealed record GapCandidate(string Question, DateTimeOffset AskedAt, bool Abstained, bool DownVoted);
