using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests.Answering;

public sealed class TopPassageBaselineAnswererTests
{
    private const string Top = "The talks opened on Tuesday. Rubio led the U.S. delegation in Riyadh. Lavrov spoke to reporters afterwards.";

    [Fact]
    public void AnswersWithTheTopPassageSentenceSharingTheMostQuestionWords()
    {
        var answer = TopPassageBaselineAnswerer.Answer("Who led the U.S. delegation in Riyadh?",
            [Passages.Of("top", Top, rank: 0), Passages.Of("second", "Rubio led the U.S. delegation in Riyadh on Tuesday.", rank: 1)]);

        Assert.False(answer.Abstained);
        Assert.Equal("Rubio led the U.S. delegation in Riyadh.", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal("top", citation.ArticleId);
        Assert.Equal(answer.Text, citation.Quote);
        Assert.Equal("baseline", answer.Answerer);
    }

    [Fact]
    public void FunctionWordsDoNotCount()
    {
        // "the", "of", "was" fill the first sentence; only "treaty" is a content word, and it is in the second.
        var answer = TopPassageBaselineAnswerer.Answer("What was the name of the treaty?",
            [Passages.Of("a", "It was the first of the meetings of the year. The treaty was signed in Minsk.")]);

        Assert.Equal("The treaty was signed in Minsk.", answer.Text);
    }

    [Fact]
    public void NeverAbstainsWhenAPassageWasRetrievedEvenWithNoWordInCommon()
    {
        var answer = TopPassageBaselineAnswerer.Answer("Who won the cup?", [Passages.Of("a", Top)]);

        Assert.False(answer.Abstained);
        Assert.Equal("The talks opened on Tuesday.", answer.Text);
        Assert.Equal(0, answer.Confidence);
    }

    [Fact]
    public void ConfidenceIsTheShareOfQuestionWordsTheSentenceHolds() =>
        Assert.Equal(0.5, TopPassageBaselineAnswerer.Answer("Where did Rubio negotiate?", [Passages.Of("a", Top)]).Confidence);
}
