using TalksBot.Core.Answering;

namespace TalksBot.Llm.Answering;

/// <summary>A model reply after checking: its text with renumbered markers and the citations they name.</summary>
/// <param name="RemovedCount">Markers that named no retrieved passage and were dropped.</param>
/// <param name="IsSentinel">The model said the passages do not answer the question.</param>
internal sealed record VerifiedReply(string Text, IReadOnlyList<Citation> Citations, int RemovedCount, bool IsSentinel);
