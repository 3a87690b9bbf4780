using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>The answer to an <see cref="AskRequest"/>, with what retrieval found and how long it took.</summary>
public sealed record AskResult(string Question, Answer Answer, IReadOnlyList<RetrievedPassage> Retrieved, TimeSpan Latency);
