using TalksBot.Core.Evaluation;

namespace TalksBot.Core.Tests.Evaluation;

public sealed class QaSuiteReaderTests
{
    private const string Good1 = """{"id": "q1", "question": "Where were the talks held?", "answers": ["Riyadh"], "sources": ["a1"], "answerable": true}""";
    private const string Good2 = """{"id": "q2", "question": "Who signed for the EU?", "answers": [], "sources": [], "answerable": false, "forbidden": ["Kallas"]}""";

    [Fact]
    public void ReadsEveryItemAndIgnoresBlankLines()
    {
        var suite = QaSuiteReader.Parse([Good1, "", "   ", Good2], "smoke");

        Assert.Equal("smoke", suite.Name);
        Assert.Equal(["q1", "q2"], suite.Items.Select(i => i.Id));
        Assert.Equal(new QaItem("q2", "Who signed for the EU?", [], [], false, ["Kallas"], 4), suite.Items[1], ItemComparer.Instance);
    }

    [Fact]
    public void ForbiddenDefaultsToEmpty()
    {
        var suite = QaSuiteReader.Parse([Good1], "smoke");

        Assert.Empty(suite.Items[0].Forbidden);
    }

    [Fact]
    public async Task ReportsEveryBadLineByNumberAndNothingIsAsked()
    {
        string[] lines =
        [
            Good1,
            """{"id": "q2", "question": "Broken", "answers": ["x"]""",
            Good2.Replace("q2", "q3", StringComparison.Ordinal),
            """{"id": "q4", "question": "No sources?", "answers": ["x"], "answerable": true}""",
        ];
        var ask = new FakeAskService(_ => throw new InvalidOperationException("must not be asked"));

        var error = await Assert.ThrowsAsync<QaSuiteException>(async () =>
        {
            var suite = QaSuiteReader.Parse(lines, "broken");
            await new EvaluationRunner().RunAsync(suite, ask, null, TestContext.Current.CancellationToken);
        });

        Assert.Equal([2, 4], error.Errors.Select(e => e.Line).Distinct());
        Assert.Contains("line 2: not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: missing field \"sources\"", error.Message, StringComparison.Ordinal);
        Assert.Empty(ask.Requests);
    }

    [Fact]
    public void NamesTheFieldWithTheWrongType()
    {
        var error = Assert.Throws<QaSuiteException>(() => QaSuiteReader.Parse(
            ["""{"id": "q1", "question": "Q?", "answers": "Riyadh", "sources": ["a1"], "answerable": true}"""], "s"));

        Assert.Equal("line 1: field \"answers\" has the wrong type: expected an array of strings", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void RejectsDuplicateIdsNamingTheFirstLine()
    {
        var error = Assert.Throws<QaSuiteException>(() => QaSuiteReader.Parse([Good1, "", Good1], "s"));

        Assert.Equal("line 3: duplicate id \"q1\" (first used on line 1); ids must be unique", Assert.Single(error.Errors).ToString());
    }

    [Fact]
    public void RejectsAnAnswerableItemWithoutAcceptedAnswers()
    {
        var error = Assert.Throws<QaSuiteException>(() => QaSuiteReader.Parse(
            ["""{"id": "q1", "question": "Q?", "answers": [], "sources": ["a1"], "answerable": true}"""], "s"));

        Assert.Contains("at least one accepted answer", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsAMisspeltFieldAsUnknown()
    {
        var error = Assert.Throws<QaSuiteException>(() => QaSuiteReader.Parse(
            ["""{"id": "q1", "question": "Q?", "answers": ["x"], "sources": ["a1"], "answerable": true, "forbiden": ["y"]}"""], "s"));

        Assert.StartsWith("unknown field \"forbiden\"", Assert.Single(error.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsASuiteWithNoQuestions()
    {
        Assert.Throws<QaSuiteException>(() => QaSuiteReader.Parse(["", " "], "empty"));
    }

    [Fact]
    public async Task ReadsAFileNamingTheSuiteAfterIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"talksbot-suite-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllLinesAsync(path, [Good1, Good2], TestContext.Current.CancellationToken);
        try
        {
            var suite = await QaSuiteReader.ReadFileAsync(path, TestContext.Current.CancellationToken);

            Assert.Equal(Path.GetFileNameWithoutExtension(path), suite.Name);
            Assert.Equal(2, suite.Items.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NamesTheLineOfASourceThatIsNotAServedArticle()
    {
        var suite = QaSuiteReader.Parse([Good1, Good1.Replace("q1", "q9", StringComparison.Ordinal).Replace("a1", "a7", StringComparison.Ordinal)], "s");

        var error = Assert.Throws<QaSuiteException>(() => suite.EnsureSourcesExist(["a1", "a2"]));

        Assert.Equal("line 2: source \"a7\" of \"q9\" is not a served article id", Assert.Single(error.Errors).ToString());
    }

    /// <summary>Records hold lists, which compare by reference; compare their contents.</summary>
    private sealed class ItemComparer : IEqualityComparer<QaItem>
    {
        public static ItemComparer Instance { get; } = new();

        public bool Equals(QaItem? x, QaItem? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Question == y.Question && x.Answerable == y.Answerable
            && x.Line == y.Line && x.Answers.SequenceEqual(y.Answers) && x.Sources.SequenceEqual(y.Sources)
            && x.Forbidden.SequenceEqual(y.Forbidden);

        public int GetHashCode(QaItem obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
