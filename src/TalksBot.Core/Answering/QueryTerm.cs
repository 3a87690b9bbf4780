namespace TalksBot.Core.Answering;

/// <summary>A content word of a question, stemmed; names weigh more because a missing name means a different subject.</summary>
internal sealed record QueryTerm(string Stem, bool IsName);
