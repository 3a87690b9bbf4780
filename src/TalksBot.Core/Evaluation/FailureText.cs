using System.Text.Json;

namespace TalksBot.Core.Evaluation;

/// <summary>How a <see cref="FailureReason"/> is named in the JSON report and explained in the HTML one.</summary>
internal static class FailureText
{
    public static string Code(FailureReason reason) => JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

    public static string Explain(FailureReason reason, EvaluationOptions options) => reason switch
    {
        FailureReason.WrongAnswer => "wrong or missing answer",
        FailureReason.ForbiddenString => "contains a forbidden string",
        FailureReason.TooLong => $"too long (over {options.MaxAnswerLength} characters)",
        FailureReason.ShouldHaveAbstained => "should have abstained",
        FailureReason.AbstainedWrongly => "abstained wrongly",
        FailureReason.BadCitation => "bad citation",
        FailureReason.Error => "error while asking",
        _ => reason.ToString(),
    };
}
