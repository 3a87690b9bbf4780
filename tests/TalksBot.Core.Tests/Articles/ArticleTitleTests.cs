using TalksBot.Core.Articles;

namespace TalksBot.Core.Tests.Articles;

public sealed class ArticleTitleTests
{
    [Theory]
    [InlineData(
        "On March 3, 2024, ministers from twelve coastal nations signed a treaty on fishing quotas aimed at restoring cod stocks. More text.",
        "Ministers from twelve coastal nations signed a treaty on fishing quotas")]
    [InlineData(
        "In a surprising move on June 9, 2023, the city council approved a new tram line to link the harbour with the airport. More.",
        "The city council approved a new tram line")]
    [InlineData(
        "Amid rising prices, farmers across the region delayed their spring planting, which worried grain traders. More.",
        "Farmers across the region delayed their spring planting")]
    [InlineData(
        "In a notable step, health officials from the northern provinces opened their first joint consultations concerning the long delayed hospital reforms, said a statement. More.",
        "Health officials from the northern provinces opened their first joint consultations")]
    public void ALedeBecomesItsMainClause(string body, string expected) => Assert.Equal(expected, ArticleTitle.Derive(body));

    [Theory]
    [InlineData("In 2019, it rained. Then it stopped.", "In 2019, it rained")]
    [InlineData("The committee met on Tuesday. It adjourned.", "The committee met on Tuesday")]
    public void AShortOpeningSentenceIsKeptWhole(string body, string expected) => Assert.Equal(expected, ArticleTitle.Derive(body));
}
