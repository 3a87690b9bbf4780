namespace TalksBot.Core.Evaluation;

/// <summary>Reported after each question, for a progress bar.</summary>
/// <param name="Completed">Questions asked so far, including <paramref name="Last"/>.</param>
/// <param name="CorrectSoFar">Of those, how many were answered correctly.</param>
public sealed record EvaluationProgress(int Completed, int Total, int CorrectSoFar, ItemResult Last);
