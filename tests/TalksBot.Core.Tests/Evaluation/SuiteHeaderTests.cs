using TalksBot.Core.Evaluation;

namespace TalksBot.Core.Tests.Evaluation;

public sealed class SuiteHeaderTests
{
    private const string Item = """{"id": "q1", "question": "Where were the talks held?", "answers": ["Riyadh"], "sources": ["a1"], "answerable": true}""";

    [Fact]
    public void AFirstLineHeaderNamesTheArticleSetAndItemsKeepTheirLineNumbers()
    {
        var suite = QaSuiteReader.Parse(["""{"suite": {"articles": "talks-articles"}}""", Item], "s");

        Assert.Equal("talks-articles", suite.Articles);
        Assert.Equal(2, Assert.Single(suite.Items).Line);
    }

    [Fact]
    public void ASuiteWithoutAHeaderNamesNoArticleSet() =>
        Assert.Null(QaSuiteReader.Parse([Item], "s").Articles);

    [Theory]
    [InlineData("""{"suite": {"articles": ""}}""", "must name the article folder")]
    [InlineData("""{"suite": {"articles": 3}}""", "must name the article folder")]
    [InlineData("""{"suite": {"artikles": "x"}}""", "unknown field \"artikles\"")]
    [InlineData("""{"suite": "x"}""", "must be an object")]
    [InlineData("""{"suite": {"articles": "x"}, "extra": 1}""", "unknown field \"extra\"")]
    public void AMalformedHeaderIsReportedOnItsLine(string header, string message)
    {
        var error = Assert.Throws<QaSuiteException>(() => QaSuiteReader.Parse([header, Item], "s"));

        var line = Assert.Single(error.Errors);
        Assert.Equal(1, line.Line);
        Assert.Contains(message, line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderAfterTheFirstQuestionIsRejectedAlongsideOtherBadLines()
    {
        var error = Assert.Throws<QaSuiteException>(() => QaSuiteReader.Parse([Item, """{"suite": {"articles": "x"}}""", "{"], "s"));

        Assert.Equal([2, 3], error.Errors.Select(e => e.Line));
        Assert.Contains("must be the first line", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadingAFileResolvesTheArticleSetBesideTheSuite()
    {
        var folder = Directory.CreateTempSubdirectory("talksbot-suite-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "set"));
            var path = Path.Combine(folder, "s.jsonl");
            await File.WriteAllLinesAsync(path, ["""{"suite": {"articles": "set"}}""", Item], TestContext.Current.CancellationToken);

            var suite = await QaSuiteReader.ReadFileAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal(Path.Combine(folder, "set"), suite.Articles);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ReadingAFileRejectsAnArticleSetThatIsNotThere()
    {
        var folder = Directory.CreateTempSubdirectory("talksbot-suite-").FullName;
        try
        {
            var path = Path.Combine(folder, "s.jsonl");
            await File.WriteAllLinesAsync(path, ["""{"suite": {"articles": "missing"}}""", Item], TestContext.Current.CancellationToken);

            var error = await Assert.ThrowsAsync<QaSuiteException>(() => QaSuiteReader.ReadFileAsync(path, TestContext.Current.CancellationToken));

            Assert.Equal(1, Assert.Single(error.Errors).Line);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
