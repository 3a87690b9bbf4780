using TalksBot.Analytics.Reports;

namespace TalksBot.Analytics.Tests.Reports;

public sealed class QuestionTermsTests
{
    [Theory]
    [InlineData("Who led the U.S. delegation?")]
    [InlineData("who was leading the American delegation")]
    [InlineData("Who led the United States delegation")]
    public void CountryNamesDemonymsAndVerbFormsMeetOnOneTerm(string question)
    {
        var signature = QuestionTerms.Of(question);

        Assert.Equal(["who"], signature.Asks);
        Assert.Equal(["delegation", "lead", "us"], signature.Content);
        Assert.Equal(["us"], signature.Names);
    }

    [Fact]
    public void WordsCapitalisedMidSentenceAreNames()
    {
        Assert.Equal(["rubio", "witkoff"], QuestionTerms.Of("Did Rubio meet with Witkoff first?").Names);
    }

    [Fact]
    public void WhichAsksWhatWhatAsks()
    {
        Assert.Equal(1.0, QuestionTerms.Similarity(QuestionTerms.Of("Which city hosted the talks?"), QuestionTerms.Of("What city hosted the talks?")));
    }

    [Fact]
    public void QuestionsAboutDifferentCountriesAreNotSimilar()
    {
        Assert.Equal(0, QuestionTerms.Similarity(
            QuestionTerms.Of("What was the U.S. position on security concerns?"),
            QuestionTerms.Of("What was Russia's position on security concerns?")));
    }

    [Fact]
    public void QuestionOfOnlyFunctionWordsStillHasTerms()
    {
        Assert.NotEmpty(QuestionTerms.Of("Is it?").Content);
    }
}
