using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests.Answering;

public sealed class QueryExpanderTests
{
    private readonly QueryExpander _expander = Create();

    [Fact]
    public void APlaceQuestionIsSentToRetrievalWithTheWordsPlacesAreToldWith()
    {
        var query = _expander.Expand("Where were the talks held?");

        Assert.StartsWith("Where were the talks held?", query, StringComparison.Ordinal);
        Assert.Contains("venue", query, StringComparison.Ordinal);
    }

    [Fact]
    public void AQuestionOfAnotherKindIsSentToRetrievalUnchanged()
    {
        var query = _expander.Expand("Who led the U.S. delegation?");

        Assert.Equal("Who led the U.S. delegation?", query);
    }

    [Fact]
    public void AWhenQuestionIsRephrasedWithItsWordsSynonymsAndTheMonthsDatesAreToldWith()
    {
        var rephrased = _expander.Rephrase("When did the talks begin?");

        Assert.NotNull(rephrased);
        Assert.Equal(QuestionKind.When, rephrased.Answers);
        Assert.Contains("negotiations", rephrased.Query, StringComparison.Ordinal);
        Assert.Contains("convened", rephrased.Query, StringComparison.Ordinal);
        Assert.Contains("february", rephrased.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void AWhoQuestionThatNamesNoTitleIsRephrasedWithTheTitlesPeopleAreToldBy()
    {
        var rephrased = _expander.Rephrase("Who represented Washington at the meeting?");

        Assert.NotNull(rephrased);
        Assert.Equal(QuestionKind.Who, rephrased.Answers);
        Assert.StartsWith("Who represented Washington at the meeting?", rephrased.Query, StringComparison.Ordinal);
        Assert.Contains("secretary", rephrased.Query, StringComparison.Ordinal);
        Assert.Contains("envoy", rephrased.Query, StringComparison.Ordinal);
    }

    [Fact]
    public void AWhoQuestionThatNamesATitleIsNotRephrased()
    {
        Assert.Null(_expander.Rephrase("Who is the president of Ukraine?"));
    }

    [Fact]
    public void AQuestionThatAsksNeitherWhenNorWhoIsNotRephrased()
    {
        Assert.Null(_expander.Rephrase("Where were the talks held?"));
    }

    private static QueryExpander Create()
    {
        var lexicon = TestLexicon.Create();
        return new QueryExpander(lexicon, new QuestionAnalyzer(lexicon, new SideFinder(lexicon)));
    }
}
