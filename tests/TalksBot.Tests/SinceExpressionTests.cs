using TalksBot.Cli;

namespace TalksBot.Tests;

public sealed class SinceExpressionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 15, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("yesterday", "2026-12-05T00:00:00Z")]
    [InlineData("today", "2026-12-06T00:00:00Z")]
    [InlineData("7d", "2026-11-29T15:30:00Z")]
    [InlineData("24h", "2026-12-05T15:30:00Z")]
    [InlineData("30m", "2026-12-06T15:00:00Z")]
    [InlineData("2025-02-18", "2025-02-18T00:00:00Z")]
    [InlineData("2025-02-18T09:00+03:00", "2025-02-18T06:00:00Z")]
    [InlineData(" Yesterday ", "2026-12-05T00:00:00Z")]
    public void ReadsDatesWordsAndSpans(string text, string expected)
    {
        Assert.True(SinceExpression.TryParse(text, Now, out var since));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), since);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("7 days")]
    [InlineData("-3d")]
    [InlineData("")]
    public void RejectsAnythingElse(string text) => Assert.False(SinceExpression.TryParse(text, Now, out _));
}
