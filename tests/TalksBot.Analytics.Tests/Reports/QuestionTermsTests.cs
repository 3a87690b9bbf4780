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
        Assert.Equal(["delegation", "lead", "us", "who"], QuestionTerms.Of(question));
    }

    [Fact]
    public void WhichAsksWhatWhatAsks()
    {
        Assert.Equal(1.0, QuestionTerms.Similarity(QuestionTerms.Of("Which city hosted the talks?"), QuestionTerms.Of("What city hosted the talks?")));
    }

    [Fact]
    public void QuestionOfOnlyFunctionWordsStillHasTerms()
    {
        Assert.NotEmpty(QuestionTerms.Of("Is it?"));
    }
}
