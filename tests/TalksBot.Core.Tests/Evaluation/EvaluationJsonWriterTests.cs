using System.Text.Json;
using TalksBot.Core.Evaluation;

namespace TalksBot.Core.Tests.Evaluation;

public sealed class EvaluationJsonWriterTests
{
    [Fact]
    public async Task WritesTheSummaryAndEveryResultWithTheRequiredFields()
    {
        using var stream = new MemoryStream();

        await EvaluationJsonWriter.WriteAsync(EvaluationReports.Sample(), stream, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(1.0 / 3 * 2, root.GetProperty("summary").GetProperty("answerAccuracy").GetDouble(), 10);
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        string[] required = ["id", "question", "answer", "abstained", "citations", "correct", "citationCorrect", "latencyMs"];
        Assert.All(results, r => Assert.All(required, name => Assert.True(r.TryGetProperty(name, out _), name)));
    }

    [Fact]
    public void TheSummaryNamesTheCommitAndTheArticleSetFingerprint()
    {
        var report = EvaluationReports.Sample() with { Commit = "da0b03cec5f1", ArticlesFingerprint = "86ff44be8f7c" };

        using var json = JsonDocument.Parse(EvaluationJsonWriter.Serialize(report));

        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal("da0b03cec5f1", summary.GetProperty("commit").GetString());
        Assert.Equal("86ff44be8f7c", summary.GetProperty("articlesFingerprint").GetString());
    }

    [Fact]
    public void WritesAResultsCitationsAndScoresAsTheyWereMeasured()
    {
        var report = EvaluationReports.Sample();

        using var json = JsonDocument.Parse(EvaluationJsonWriter.Serialize(report));

        var second = json.RootElement.GetProperty("results")[1];
        Assert.Equal("q2", second.GetProperty("id").GetString());
        Assert.Equal("Paris.", second.GetProperty("answer").GetString());
        Assert.False(second.GetProperty("correct").GetBoolean());
        Assert.False(second.GetProperty("citationCorrect").GetBoolean());
        Assert.Equal(340, second.GetProperty("latencyMs").GetDouble());
        var citation = Assert.Single(second.GetProperty("citations").EnumerateArray());
        Assert.Equal("b", citation.GetProperty("articleId").GetString());
        Assert.Equal(report.Results[1].Citations[0].PassageId, citation.GetProperty("passageId").GetGuid());
        Assert.Equal("A quoted sentence.", citation.GetProperty("quote").GetString());
        Assert.Equal(2, second.GetProperty("firstRelevantRank").GetInt32());
        Assert.Equal(["wrongAnswer", "badCitation"], second.GetProperty("failures").EnumerateArray().Select(f => f.GetString()));
    }
}
