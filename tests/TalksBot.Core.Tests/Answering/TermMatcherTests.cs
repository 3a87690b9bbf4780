using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests.Answering;

public sealed class TermMatcherTests
{
    [Theory]
    [InlineData("yuri", "yury")]
    [InlineData("iurii", "yury")]
    [InlineData("jurij", "yuri")]
    [InlineData("zelensky", "zelenskyy")]
    [InlineData("amercian", "american")]
    public void RomanisationsAndSlipsOfOneWordAreVariants(string a, string b) => Assert.True(TermMatcher.IsVariant(a, b));

    [Theory]
    [InlineData("will", "willingness")]
    [InlineData("willingness", "will")]
    [InlineData("open", "openness")]
    public void AnAdjectiveAndItsNounInNessAreVariants(string a, string b) => Assert.True(TermMatcher.IsVariant(a, b));

    [Theory]
    [InlineData("talk", "walk")]
    [InlineData("wit", "witness")]
    [InlineData("yuri", "yuli")]
    [InlineData("riyadh", "russia")]
    public void DifferentWordsAreNotVariants(string a, string b) => Assert.False(TermMatcher.IsVariant(a, b));
}
