using TalksBot.Core.Articles;

namespace TalksBot.Core.Tests.Articles;

public sealed class ArticleMetadataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SourceLinkLineBecomesTheUrl()
    {
        var article = await LoadCopyAsync(SeedArticles.WithTable);

        Assert.Equal(
            "https://usa-news.biz/2025/02/22/washington/u-s-russia-hold-first-talks-on-ukraine-without-nato-allies-kyiv-the-washington-post/",
            article.Info.Url);
    }

    [Fact]
    public async Task AuthorFooterLineBecomesTheAuthor()
    {
        var article = await LoadCopyAsync(SeedArticles.WithTable);

        Assert.Equal("Jean-Pierre CHALLOT", article.Info.Author);
    }

    [Fact]
    public async Task PublishDateFooterLineIsReadAsUtc()
    {
        var article = await LoadCopyAsync(SeedArticles.WithTable);

        Assert.Equal(new DateTimeOffset(2025, 2, 22, 14, 42, 26, TimeSpan.Zero), article.Info.Published);
    }

    [Theory]
    [InlineData("Source link")]
    [InlineData("Author :")]
    [InlineData("Publish date")]
    [InlineData("Copyright for syndicated content")]
    [InlineData("first appeared on")]
    [InlineData("—-")]
    public async Task MetadataAndBoilerplateLinesAreNotInTheText(string line)
    {
        var article = await LoadCopyAsync(SeedArticles.WithTable);

        Assert.DoesNotContain(line, article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextKeepsTheBodyUpToItsLastSentence()
    {
        var article = await LoadCopyAsync(SeedArticles.WithTable);

        Assert.StartsWith("In a significant diplomatic development", article.Text, StringComparison.Ordinal);
        Assert.EndsWith("the stability of Eastern Europe as a whole.", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadingHeadingLineBecomesTheTitleAndStaysInTheText()
    {
        var article = await LoadCopyAsync(SeedArticles.WithHeadingTitle);

        Assert.Equal("USA and Russia Engage in Preliminary Talks", article.Info.Title);
        Assert.StartsWith("USA and Russia Engage in Preliminary Talks\n", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAHeadingTheTitleIsTheMainClauseOfTheOpeningSentenceShortenedAtAWord()
    {
        var article = await LoadCopyAsync(SeedArticles.WithTable);

        // "In a significant diplomatic development, U.S. and Russian officials recently engaged in ...": the lede's
        // opening phrase goes, the main clause stays, cut at a word.
        Assert.True(article.Info.Title.Length <= ArticleTitle.MaxLength, article.Info.Title);
        Assert.StartsWith("U.S. and Russian officials recently engaged", article.Info.Title, StringComparison.Ordinal);
        Assert.Contains(article.Info.Title.TrimEnd('…') + " ", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlesWithoutMetadataLinesHaveNoUrlAuthorOrDate()
    {
        var article = await LoadCopyAsync(SeedArticles.WithHeadingTitle);

        Assert.Null(article.Info.Url);
        Assert.Null(article.Info.Author);
        Assert.Null(article.Info.Published);
    }

    [Fact]
    public async Task IdIsTheFileNameWithoutExtension()
    {
        var article = await LoadCopyAsync(SeedArticles.WithTable);

        Assert.Equal(SeedArticles.WithTable, article.Id);
    }

    [Fact]
    public async Task EverySeedArticleLoadsWithoutSkips()
    {
        var set = await SeedArticles.NewLoader().LoadDirectoryAsync(SeedArticles.Directory, Ct);

        Assert.Empty(set.Skipped);
        Assert.Equal(SeedArticles.Ids, set.Articles.Select(a => a.Id));
    }

    private static async Task<Article> LoadCopyAsync(string id)
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes(id + ".txt", await File.ReadAllBytesAsync(SeedArticles.PathOf(id), Ct));
        return await SeedArticles.NewLoader().LoadFileAsync(path, Ct);
    }
}
