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

    private static QueryExpander Create()
    {
        var lexicon = TestLexicon.Create();
        return new QueryExpander(lexicon, new QuestionAnalyzer(lexicon, new SideFinder(lexicon)));
    }
}
