namespace TalksBot.Core.Evaluation;

/// <summary>The outcome of one CI gate on a figure (<c>--min-citations</c>, <c>--max-false-abstentions</c>, ...).</summary>
/// <param name="Message">One line for the console, e.g. "citations right 72.0% (18/25) is below the minimum 80.0%".</param>
public sealed record GateCheck(bool Passed, string Message)
{
    /// <summary>Passes when <paramref name="rate"/> is at least <paramref name="minimum"/> (0–1); an empty rate never passes.</summary>
    public static GateCheck AtLeast(string figure, Rate rate, double minimum)
    {
        ArgumentNullException.ThrowIfNull(rate);
        var passed = rate.Value is { } v && BasisPoints(v) >= BasisPoints(minimum);
        return new GateCheck(passed, passed
            ? $"{figure} {EvaluationFormat.Percent(rate)} meets the minimum {EvaluationFormat.Percent(minimum)}"
            : $"{figure} {EvaluationFormat.Percent(rate)} is below the minimum {EvaluationFormat.Percent(minimum)}");
    }

    /// <summary>Passes when <paramref name="rate"/> is at most <paramref name="maximum"/> (0–1); an empty rate passes (nothing went wrong).</summary>
    public static GateCheck AtMost(string figure, Rate rate, double maximum)
    {
        ArgumentNullException.ThrowIfNull(rate);
        var passed = rate.Value is not { } v || BasisPoints(v) <= BasisPoints(maximum);
        return new GateCheck(passed, passed
            ? $"{figure} {EvaluationFormat.Percent(rate)} is within the maximum {EvaluationFormat.Percent(maximum)}"
            : $"{figure} {EvaluationFormat.Percent(rate)} is above the maximum {EvaluationFormat.Percent(maximum)}");
    }

    // Compared in whole basis points so 0.8 passes 4/5 despite binary rounding.
    private static double BasisPoints(double fraction) => Math.Round(fraction * 10_000);
}
