namespace TalksBot.Core.Evaluation;

/// <summary>An article that retrieval returned, at the 1-based rank of its best passage.</summary>
public sealed record RetrievedArticle(string ArticleId, int Rank, bool Expected);
