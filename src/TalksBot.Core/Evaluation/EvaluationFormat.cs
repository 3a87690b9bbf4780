using System.Globalization;

namespace TalksBot.Core.Evaluation;

/// <summary>One way to show figures across the console, JSON-adjacent text and HTML, so the numbers agree everywhere.</summary>
internal static class EvaluationFormat
{
    public static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Percent(Rate rate) =>
        rate.Value is { } value ? $"{Percent(value)} ({Count(rate.Hits)}/{Count(rate.Total)})" : "n/a (0 items)";

    public static string Milliseconds(TimeSpan value) => Milliseconds(value.TotalMilliseconds);

    public static string Milliseconds(double value) => value.ToString("0", CultureInfo.InvariantCulture) + " ms";

    public static string Decimal(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a";

    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
