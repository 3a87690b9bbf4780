using TalksBot.Core.Articles;

namespace TalksBot.Core.Tests.Articles;

public sealed class ArticleUrlDateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("https://news.example/2025/02/22/world/talks-begin/", 2025, 2, 22)]
    [InlineData("https://news.example/politics/1999/12/31/story", 1999, 12, 31)]
    [InlineData("https://news.example/2024/02/29", 2024, 2, 29)]
    public void APathDateIsRead(string url, int year, int month, int day) =>
        Assert.Equal(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), ArticleUrlDate.From(url));

    [Theory]
    [InlineData("https://news.example/2025/02/talks-begin")]      // year and month only
    [InlineData("https://news.example/2025/13/40/talks")]        // no such date
    [InlineData("https://news.example/2023/02/29/talks")]        // not a leap year
    [InlineData("https://news.example/1066/10/14/hastings")]     // an id, not a year of the web
    [InlineData("https://news.example/story?d=2025/02/22/")]     // a query, not the path
    [InlineData("https://news.example/item/12025/02/22/x")]      // part of a longer number
    [InlineData("not a url")]
    [InlineData(null)]
    public void NoDateIsGuessed(string? url) => Assert.Null(ArticleUrlDate.From(url));

    [Fact]
    public async Task AnArticleWithOnlyADatedLinkTakesTheLinksDate()
    {
        using var folder = new TempFolder();
        folder.Write("linked.txt", "Source link : https://news.example/2025/02/18/world/riyadh-talks/\n\nThe delegations met in Riyadh.");

        var set = await SeedArticles.NewLoader().LoadDirectoryAsync(folder.Path, Ct);

        Assert.Equal(new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero), Assert.Single(set.Articles).Info.Published);
    }

    [Fact]
    public async Task AStatedDateWinsOverTheLinks()
    {
        using var folder = new TempFolder();
        folder.Write("dated.txt",
            "Source link : https://news.example/2025/02/18/world/riyadh-talks/\n\nThe delegations met in Riyadh.\n\nPublish date : 2025-02-19 08:00:00");

        var set = await SeedArticles.NewLoader().LoadDirectoryAsync(folder.Path, Ct);

        Assert.Equal(new DateTimeOffset(2025, 2, 19, 8, 0, 0, TimeSpan.Zero), Assert.Single(set.Articles).Info.Published);
    }
}
