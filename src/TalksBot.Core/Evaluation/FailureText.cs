using System.Text.Json;

namespace TalksBot.Core.Evaluation;

/// <summary>How a <see cref="FailureReason"/> is named in the JSON report and explained to people (HTML, console).</summary>
internal static class FailureText
{
    /// <summary>The camelCase name used in the JSON report, e.g. "shouldHaveAbstained".</summary>
    public static string Code(FailureReason reason) => JsonNamingPolicy.CamelCase.ConvertName(reason.ToString());

    /// <summary>A few words for a person, e.g. "should have abstained".</summary>
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
