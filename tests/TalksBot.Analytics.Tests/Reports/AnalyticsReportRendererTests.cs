using TalksBot.Analytics.Reports;

namespace TalksBot.Analytics.Tests.Reports;

public sealed class AnalyticsReportRendererTests
{
    private static AnalyticsReport Report(int gaps, string question = "Which article covers the prisoner exchange in detail?") =>
        new(
            Questions.Start,
            Questions.Start.AddDays(7),
            120,
            90,
            30,
            12,
            4,
            TimeSpan.FromMilliseconds(850),
            TimeSpan.FromSeconds(3.2),
            [new CitedArticle("reuters-riyadh", "U.S. and Russia agree to work toward ending war", 40)],
            [.. Enumerable.Range(1, gaps).Select(i => new CoverageGap($"{question} ({i})", 3, 2, 1, Questions.Start.AddDays(1)))]);

    [Fact]
    public void MarkdownFitsADiscordMessageAndSaysHowManyGapsWereLeftOut()
    {
        var markdown = AnalyticsReportRenderer.ToMarkdown(Report(gaps: 60, question: new string('q', 300)));

        Assert.InRange(markdown.Length, 1, AnalyticsReportRenderer.DiscordMessageLimit);
        Assert.Matches(@"…and \d+ more\n$", markdown);
    }

    [Fact]
    public void MarkdownCarriesTheSummaryFigures()
    {
        var markdown = AnalyticsReportRenderer.ToMarkdown(Report(gaps: 1));

        Assert.Contains("Questions: 120 · answered 90 (75%) · abstained 30 (25%)", markdown, StringComparison.Ordinal);
        Assert.Contains("Feedback: 👍 12 · 👎 4", markdown, StringComparison.Ordinal);
        Assert.Contains("Latency: p50 850 ms · p95 3.2 s", markdown, StringComparison.Ordinal);
        Assert.Contains("since 2025-02-20", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownSaysWhyEachGapIsListed()
    {
        var markdown = AnalyticsReportRenderer.ToMarkdown(Report(gaps: 1, question: "Who paid?"));

        Assert.Contains("1. “Who paid? (1)” — ×3 (2 unanswered, 1 down-voted), latest 2025-02-21", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownDefusesMentionsAndFormattingTypedIntoQuestions()
    {
        var markdown = AnalyticsReportRenderer.ToMarkdown(Report(gaps: 1, question: "@everyone **look** at `this`"));

        Assert.DoesNotContain("@everyone", markdown, StringComparison.Ordinal);
        Assert.Contains(@"\*\*look\*\* at \`this\`", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TablesCarryOneRowPerCitedArticleAndGap()
    {
        var tables = AnalyticsReportRenderer.ToTables(Report(gaps: 3));

        Assert.Equal(["Summary", "Most-cited articles", "Coverage gaps"], tables.Select(t => t.Title));
        Assert.Equal(["1", "reuters-riyadh", "U.S. and Russia agree to work toward ending war", "40"], tables[1].Rows[0]);
        Assert.Equal(3, tables[2].Rows.Count);
        Assert.All(tables, t => Assert.All(t.Rows, r => Assert.Equal(t.Columns.Count, r.Count)));
    }
}
