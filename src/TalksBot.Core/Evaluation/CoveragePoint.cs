namespace TalksBot.Core.Evaluation;

/// <summary>One point of the coverage/accuracy curve: answering only when confidence is at least <paramref name="Threshold"/>.</summary>
/// <param name="Answered">Items answered at this threshold.</param>
/// <param name="Coverage">Answered / all items.</param>
/// <param name="Accuracy">Correct / answered.</param>
public sealed record CoveragePoint(double Threshold, int Answered, double Coverage, Rate Accuracy);
