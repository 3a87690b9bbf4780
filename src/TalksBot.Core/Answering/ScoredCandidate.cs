namespace TalksBot.Core.Answering;

/// <summary>A candidate sentence with how much of the question it covers and its ranking score.</summary>
/// <param name="Coverage">Share of the question's weighted content terms (and side) the sentence supports, 0..1.</param>
/// <param name="Score">Coverage adjusted for side, answer type and retrieval rank; orders candidates only.</param>
internal sealed record ScoredCandidate(SentenceCandidate Candidate, double Coverage, double Score);
