namespace TalksBot.Core.Answering;

/// <summary>An answer to a question, grounded in cited passages, or an abstention.</summary>
/// <param name="Text">A sentence or two for the reader; for an abstention, a plain statement that the articles don't say.</param>
/// <param name="Abstained">True when the articles do not support an answer.</param>
/// <param name="Citations">What the answer rests on; empty only for an abstention.</param>
/// <param name="Answerer">Which answerer produced it (e.g. "extractive", "generative").</param>
/// <param name="Notice">Something the reader should know about how it was produced, e.g. a fallback after an LLM error.</param>
/// <param name="Confidence">
/// How sure the answerer is that the best evidence answers the question, 0–1, when it can say; the abstention threshold
/// is a cut on it, and the eval's coverage/accuracy curve moves that cut.
/// </param>
public sealed record Answer(string Text, bool Abstained, IReadOnlyList<Citation> Citations, string Answerer, string? Notice = null, double? Confidence = null)
{
    /// <summary>What the asker is told while the article index cannot be reached.</summary>
    public const string IndexUnavailableText = "The article index is temporarily unavailable. Please try again in a moment.";

    /// <summary>The reply while the article index cannot be reached: no answer either way, and nothing cited.</summary>
    public static Answer IndexUnavailable { get; } = new(IndexUnavailableText, Abstained: true, [], Answerer: "unavailable");
}
