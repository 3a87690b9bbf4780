using System.Globalization;
using System.Text.RegularExpressions;

namespace TalksBot.Cli;

/// <summary>
/// What <c>stats --since</c> accepts: a date or date and time (<c>2025-02-18</c>, <c>2025-02-18T09:00Z</c>), <c>today</c>,
/// <c>yesterday</c>, or a span back from now (<c>7d</c>, <c>24h</c>, <c>30m</c>). Dates without a zone are UTC, as the
/// analytics log is.
/// </summary>
internal static partial class SinceExpression
{
    public const string Accepted = "a date (2025-02-18), a date and time (2025-02-18T09:00Z), today, yesterday, or a span back from now (7d, 24h, 30m)";

    public static bool TryParse(string text, DateTimeOffset now, out DateTimeOffset since)
    {
        var value = text.Trim().ToLowerInvariant();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        switch (value)
        {
            case "today":
                since = today;
                return true;
            case "yesterday":
                since = today.AddDays(-1);
                return true;
        }

        if (Span().Match(value) is { Success: true } span && int.TryParse(span.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            since = span.Groups["unit"].Value switch
            {
                "d" => now.AddDays(-n),
                "h" => now.AddHours(-n),
                _ => now.AddMinutes(-n),
            };
            return true;
        }

        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out since);
    }

    [GeneratedRegex(@"^(?<n>\d{1,5})(?<unit>[dhm])$")]
    private static partial Regex Span();
}
