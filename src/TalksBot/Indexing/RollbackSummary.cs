namespace TalksBot.Indexing;

/// <summary>A rollback: the alias moved from <see cref="From"/> back to <see cref="To"/>, which now serves these counts.</summary>
internal sealed record RollbackSummary(string Actor, string? From, string To, int ArticleCount, int PassageCount, DateTimeOffset BuiltAt);
