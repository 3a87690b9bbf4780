using TalksBot.Core.Text;

namespace TalksBot.Core.Tests.Text;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void DottedAcronymBeforeALowerCaseWordDoesNotEndTheSentence()
    {
        var sentences = Texts("Talks between the U.S. and Russia began. They lasted hours.");

        Assert.Equal(["Talks between the U.S. and Russia began.", "They lasted hours."], sentences);
    }

    [Fact]
    public void DottedAcronymBeforeAProperNounDoesNotEndTheSentence()
    {
        var sentences = Texts("The U.S. President met envoys. Talks followed.");

        Assert.Equal(["The U.S. President met envoys.", "Talks followed."], sentences);
    }

    [Fact]
    public void DottedAcronymAtTheEndOfASentenceEndsIt()
    {
        var sentences = Texts("Envoys flew to the U.S. The talks were long.");

        Assert.Equal(["Envoys flew to the U.S.", "The talks were long."], sentences);
    }

    [Fact]
    public void TitleAndMonthAbbreviationsDoNotEndTheSentence()
    {
        var sentences = Texts("Dr. Smith met Gov. Brown on Feb. 18 in Riyadh. Then they left.");

        Assert.Equal(["Dr. Smith met Gov. Brown on Feb. 18 in Riyadh.", "Then they left."], sentences);
    }

    [Fact]
    public void WordThatIsAlsoAnAbbreviationEndsTheSentenceWhenUsedAsAWord()
    {
        var sentences = Texts("He said no. The talks stalled in the sun. Then they resumed.");

        Assert.Equal(["He said no.", "The talks stalled in the sun.", "Then they resumed."], sentences);
    }

    [Fact]
    public void NumberAbbreviationBeforeANumberDoesNotEndTheSentence()
    {
        var sentences = Texts("See resolution No. 2202 for details. It passed.");

        Assert.Equal(["See resolution No. 2202 for details.", "It passed."], sentences);
    }

    [Fact]
    public void InitialsDoNotEndTheSentence()
    {
        var sentences = Texts("J. R. Smith spoke first. Others listened.");

        Assert.Equal(["J. R. Smith spoke first.", "Others listened."], sentences);
    }

    [Fact]
    public void DecimalPointsDoNotEndTheSentence()
    {
        var sentences = Texts("Prices rose 2.5 percent. Markets fell.");

        Assert.Equal(["Prices rose 2.5 percent.", "Markets fell."], sentences);
    }

    [Fact]
    public void ClosingQuoteAfterTheStopStaysWithTheSentence()
    {
        var sentences = Texts("He stated, \"We will not agree.\" Then he left.");

        Assert.Equal(["He stated, \"We will not agree.\"", "Then he left."], sentences);
    }

    [Fact]
    public void EllipsisBeforeACapitalEndsTheSentence()
    {
        var sentences = Texts("They waited... Then talks began.");

        Assert.Equal(["They waited...", "Then talks began."], sentences);
    }

    [Fact]
    public void EllipsisBeforeALowerCaseWordDoesNotEndTheSentence()
    {
        var sentences = Texts("They waited... and waited.");

        Assert.Equal(["They waited... and waited."], sentences);
    }

    [Fact]
    public void QuestionAndExclamationMarksEndSentences()
    {
        var sentences = Texts("Will they agree? Nobody knows! Talks go on.");

        Assert.Equal(["Will they agree?", "Nobody knows!", "Talks go on."], sentences);
    }

    [Fact]
    public void OffsetsQuoteEachSentenceExactly()
    {
        const string text = "  First one.  Second, from the U.S. side!\nThird line here.  ";

        var sentences = SentenceSplitter.Split(text);

        Assert.Equal(3, sentences.Count);
        Assert.All(sentences, s => Assert.Equal(text[s.Start..s.End], s.Text));
    }

    [Fact]
    public void SplittingARangeReturnsOffsetsIntoTheWholeText()
    {
        const string text = "Heading\nFirst sentence. Second sentence.";

        var sentences = SentenceSplitter.Split(text, 8, text.Length);

        Assert.Equal(8, sentences[0].Start);
        Assert.Equal("Second sentence.", text[sentences[1].Start..sentences[1].End]);
    }

    private static string[] Texts(string text) => [.. SentenceSplitter.Split(text).Select(s => s.Text)];
}
