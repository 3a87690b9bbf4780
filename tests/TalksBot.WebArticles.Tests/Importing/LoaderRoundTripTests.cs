using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Articles;
using TalksBot.WebArticles.Extraction;

namespace TalksBot.WebArticles.Tests.Importing;

/// <summary>What the importer writes, and saved pages dropped in the folder, load through Core's ArticleLoader as the bot reads them.</summary>
public sealed class LoaderRoundTripTests(TestSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ArticleLoader Loader() => new(new ArticleLoaderOptions(), [new HtmlArticleFormat()], NullLogger<ArticleLoader>.Instance);

    [Fact]
    public async Task ImportedArticleLoadsWithItsTitleUrlDateAndAuthor()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();
        var imported = await host.Importer.ImportUrlAsync(site.Url("/news/talks"), folder.Path, Ct);

        var set = await Loader().LoadDirectoryAsync(folder.Path, Ct);

        var article = Assert.Single(set.Articles);
        Assert.Empty(set.Skipped);
        Assert.Equal(new ArticleInfo(imported.Id, TestPages.Headline, site.Url("/news/talks").AbsoluteUri,
            new DateTimeOffset(2025, 2, 18, 14, 30, 0, TimeSpan.FromHours(3)), TestPages.Author), article.Info);
        Assert.StartsWith("Senior American and Russian officials", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavedHtmlPageInTheFolderLoadsThroughTheHtmlFormat()
    {
        using var folder = new TempFolder();
        folder.Write("005_saved.html", TestPages.NewsArticle(canonicalHref: "https://news.example/news/talks"));

        var set = await Loader().LoadDirectoryAsync(folder.Path, Ct);

        var article = Assert.Single(set.Articles);
        Assert.Equal(TestPages.Headline, article.Info.Title);
        Assert.Equal("https://news.example/news/talks", article.Info.Url);
        Assert.DoesNotContain("Accept all cookies", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HtmlPageWithoutArticleTextIsSkippedWithTheReason()
    {
        using var folder = new TempFolder();
        folder.Write("006_stub.html", TestPages.Stub);

        var set = await Loader().LoadDirectoryAsync(folder.Path, Ct);

        var skipped = Assert.Single(set.Skipped);
        Assert.StartsWith("No article text found", skipped.Reason, StringComparison.Ordinal);
    }
}
