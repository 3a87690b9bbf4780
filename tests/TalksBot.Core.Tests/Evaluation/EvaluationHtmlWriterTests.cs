using TalksBot.Core.Evaluation;
using static TalksBot.Core.Tests.Evaluation.EvaluationSamples;

namespace TalksBot.Core.Tests.Evaluation;

public sealed class EvaluationHtmlWriterTests
{
    private const string Hostile = "<script>alert('x')</script>";

    [Fact]
    public void HostileQuestionAndAnswerRenderAsText()
    {
        var item = Answerable("q<1>", question: "Why " + Hostile + "?", answers: ["<b>Riyadh</b>"], sources: ["a\"1"]);
        var report = EvaluationReports.Of(ItemScorer.Score(item, Reply("Paris " + Hostile, cited: ["<img src=x>"]), EvaluationOptions.Default));

        var html = EvaluationHtmlWriter.Render(report);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Riyadh", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ContainsAnInlineBarChartLabelledWithEachRate()
    {
        var html = EvaluationHtmlWriter.Render(EvaluationReports.Sample());

        Assert.Contains("<svg class=\"chart\" role=\"img\" aria-label=\"Scores, 0 to 100%\"", html, StringComparison.Ordinal);
        Assert.Contains(">66.7%</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MrrIsACardNotABarOnThePercentAxis()
    {
        var html = EvaluationHtmlWriter.Render(EvaluationReports.Sample());

        var chart = html[html.IndexOf("aria-label=\"Scores, 0 to 100%\"", StringComparison.Ordinal)..html.IndexOf("<h2>Latency</h2>", StringComparison.Ordinal)];
        Assert.DoesNotContain("MRR", chart, StringComparison.Ordinal);
        Assert.Contains("<div class=\"card\">MRR<b>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ContainsALatencyChart()
    {
        var html = EvaluationHtmlWriter.Render(EvaluationReports.Sample());

        Assert.Contains("aria-label=\"Latency in milliseconds\"", html, StringComparison.Ordinal);
        Assert.Contains(">340 ms</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsEachFailureWithWhyItFailed()
    {
        var html = EvaluationHtmlWriter.Render(EvaluationReports.Sample());

        var failures = html[html.IndexOf("<h2>Failures (1)</h2>", StringComparison.Ordinal)..html.IndexOf("<details>", StringComparison.Ordinal)];
        Assert.Contains("wrong or missing answer", failures, StringComparison.Ordinal);
        Assert.Contains("bad citation", failures, StringComparison.Ordinal);
        Assert.DoesNotContain(">q1<", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void FailuresAreGroupedByWhereTheyWentWrong()
    {
        var html = EvaluationHtmlWriter.Render(EvaluationReports.Sample());

        var failures = html[html.IndexOf("<h2>Failures (1)</h2>", StringComparison.Ordinal)..html.IndexOf("<details>", StringComparison.Ordinal)];
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(failures, "<h3>"));
        Assert.Matches(@"<h3>[^<]+ \(1\)</h3>", failures);
    }

    [Fact]
    public void TheHeaderNamesTheCommitAndTheArticleSetFingerprint()
    {
        var report = EvaluationReports.Sample() with { Commit = "da0b03cec5f1", ArticlesFingerprint = "86ff44be8f7c", Articles = "data/qa/talks-articles" };

        var html = EvaluationHtmlWriter.Render(report);

        Assert.Contains("commit <code>da0b03cec5f1</code>", html, StringComparison.Ordinal);
        Assert.Contains("articles data/qa/talks-articles (<code>86ff44be8f7c</code>)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadsNothingFromOutsideThePage()
    {
        var html = EvaluationHtmlWriter.Render(EvaluationReports.Sample());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
    }
}
