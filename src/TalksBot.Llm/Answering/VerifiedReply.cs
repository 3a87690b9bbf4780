using TalksBot.Core.Answering;

namespace TalksBot.Llm.Answering;

/// <summary>A model reply after checking: its supported claims with renumbered markers and the citations they name.</summary>
/// <param name="RemovedClaims">Claims (sentences) dropped because they cited no retrieved passage.</param>
/// <param name="IsSentinel">The model said the passages do not answer the question.</param>
internal sealed record VerifiedReply(string Text, IReadOnlyList<Citation> Citations, int RemovedClaims, bool IsSentinel);
