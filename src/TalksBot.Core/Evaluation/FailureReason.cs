namespace TalksBot.Core.Evaluation;

/// <summary>Why an item was scored wrong, shown in the failure table.</summary>
public enum FailureReason
{
    /// <summary>The answer contains none of the accepted answers.</summary>
    WrongAnswer,

    /// <summary>The reply contains a forbidden string.</summary>
    ForbiddenString,

    /// <summary>The answer is longer than <see cref="EvaluationOptions.MaxAnswerLength"/>.</summary>
    TooLong,

    /// <summary>The question is not answerable from the articles but the bot answered.</summary>
    ShouldHaveAbstained,

    /// <summary>The question is answerable but the bot abstained.</summary>
    AbstainedWrongly,

    /// <summary>No citation points at an expected source, or an abstention carries citations.</summary>
    BadCitation,

    /// <summary>Asking threw; the item could not be scored.</summary>
    Error,
}
