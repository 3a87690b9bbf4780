namespace TalksBot.Analytics.Reports;

/// <summary>An article and how many answers cited it.</summary>
/// <param name="Title">The title at its most recent citation.</param>
public sealed record CitedArticle(string ArticleId, string Title, int Answers);
