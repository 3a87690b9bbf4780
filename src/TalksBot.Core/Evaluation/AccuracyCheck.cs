namespace TalksBot.Core.Evaluation;

/// <summary>The outcome of the <c>--min-accuracy</c> gate; the CLI exits non-zero when it did not pass.</summary>
/// <param name="Message">One line for the console, e.g. "answer accuracy 72.0% (18/25) is below the minimum 80.0%".</param>
public sealed record AccuracyCheck(bool Passed, double Actual, double Minimum, string Message);
