using TalksBot.Core.Evaluation;

namespace TalksBot.Core.Tests.Evaluation;

public sealed class QuestionWordsTests
{
    [Theory]
    [InlineData("Who led the U.S. delegation?", QuestionWord.Who)]
    [InlineData("whose idea was it?", QuestionWord.Who)]
    [InlineData("When did the talks begin?", QuestionWord.When)]
    [InlineData("WHERE were the talks held?", QuestionWord.Where)]
    [InlineData("Which country hosted the talks?", QuestionWord.Which)]
    [InlineData("What did Lavrov say?", QuestionWord.What)]
    [InlineData("How many hours did the talks last?", QuestionWord.HowMany)]
    [InlineData("how much oil was cut?", QuestionWord.HowMany)]
    [InlineData("How did Kyiv react?", QuestionWord.How)]
    [InlineData("Why was Ukraine absent?", QuestionWord.Why)]
    [InlineData("Did Zelensky attend?", QuestionWord.Other)]
    public void ClassifiesAQuestionByItsLeadingWhWord(string question, QuestionWord expected) =>
        Assert.Equal(expected, QuestionWords.Classify(question));

    [Theory]
    [InlineData("And who led the Russian side?", QuestionWord.Who)]
    [InlineData("so, when was that?", QuestionWord.When)]
    [InlineData("In what year did the crisis begin?", QuestionWord.What)]
    public void SkipsALeadingAndOrSoAndOnePreposition(string question, QuestionWord expected) =>
        Assert.Equal(expected, QuestionWords.Classify(question));

    [Fact]
    public void AnEmptyQuestionIsOther() => Assert.Equal(QuestionWord.Other, QuestionWords.Classify("  ?"));
}
