namespace TalksBot.Core.Evaluation;

/// <summary>How an evaluation is scored.</summary>
/// <param name="RecallAtK">The cut-offs for retrieval recall@k, e.g. 1, 3, 5.</param>
/// <param name="MaxAnswerLength">Longer answers are wrong: a Discord reply should be a sentence or two, not a pasted passage.</param>
public sealed record EvaluationOptions(IReadOnlyList<int> RecallAtK, int MaxAnswerLength = EvaluationOptions.DefaultMaxAnswerLength)
{
    /// <summary>The answer length limit evaluators agreed on, in characters.</summary>
    public const int DefaultMaxAnswerLength = 400;

    /// <summary>recall@1, @3 and @5 with a 400-character answer limit.</summary>
    public static EvaluationOptions Default { get; } = new([1, 3, 5]);
}
