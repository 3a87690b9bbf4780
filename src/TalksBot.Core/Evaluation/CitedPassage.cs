namespace TalksBot.Core.Evaluation;

/// <summary>The part of a citation a report needs.</summary>
public sealed record CitedPassage(string ArticleId, Guid PassageId, string Quote);
