using TalksBot.Core.Answering.Ranking;

namespace TalksBot.Core.Tests.Answering.Ranking;

public sealed class SpellingTests
{
    [Fact]
    public void ANameMissingALetterMatchesTheNameAsWritten()
    {
        Assert.True(Spelling.Matches("witkof", "witkoff"));
    }

    [Fact]
    public void SwappedNeighbouringLettersCostOneEdit()
    {
        Assert.Equal(1, Spelling.Distance("hwo", "who"));
    }

    [Theory]
    [InlineData("talk", "tall")]
    [InlineData("war", "was")]
    public void ShortWordsOneLetterApartDoNotMatch(string asked, string known)
    {
        Assert.Equal(1, Spelling.Distance(asked, known));
        Assert.False(Spelling.Matches(asked, known));
    }

    [Fact]
    public void LongWordsTwoLettersApartDoNotMatch()
    {
        Assert.False(Spelling.Matches("lavrov", "lavash"));
    }
}
