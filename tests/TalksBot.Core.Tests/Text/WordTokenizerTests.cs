using TalksBot.Core.Text;

namespace TalksBot.Core.Tests.Text;

public sealed class WordTokenizerTests
{
    [Fact]
    public void PossessivesAndTypographicApostrophesFoldToTheBareWord()
    {
        Assert.Equal(["russia", "position"], WordTokenizer.Words("Russia’s position"));
    }

    [Fact]
    public void DottedAcronymsBecomeOneWord()
    {
        Assert.Equal(["the", "us", "side"], WordTokenizer.Words("the U.S. side"));
    }

    [Fact]
    public void DiacriticsAreStripped()
    {
        Assert.Equal(["zelensky"], WordTokenizer.Words("Zélensky"));
    }

    [Fact]
    public void InflectionsStemToACommonTerm()
    {
        Assert.Equal(WordTokenizer.Terms("talk negotiate"), WordTokenizer.Terms("talks negotiated"));
    }
}
