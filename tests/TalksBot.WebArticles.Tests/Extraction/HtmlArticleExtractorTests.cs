using TalksBot.Core.Articles;
using TalksBot.WebArticles.Extraction;

namespace TalksBot.WebArticles.Tests.Extraction;

public sealed class HtmlArticleExtractorTests
{
    private static readonly Uri PageUrl = new("https://news.example/world/2025/02/18/talks?utm_source=feed");

    [Fact]
    public void NewsPageYieldsTheArticleTextWithoutAnyPageFurniture()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.NewsArticle(), PageUrl);

        Assert.Contains("Senior American and Russian officials sat down", article.Body, StringComparison.Ordinal);
        Assert.Contains("without Ukraine.", article.Body, StringComparison.Ordinal);
        Assert.All(TestPages.FurnitureStrings, s => Assert.DoesNotContain(s, article.Body, StringComparison.Ordinal));
    }

    [Fact]
    public void NewsPageMetadataComesFromJsonLdAndTheCanonicalLink()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.NewsArticle(), PageUrl);

        Assert.Equal(TestPages.Headline, article.Title);
        Assert.Equal(TestPages.Author, article.Author);
        Assert.Equal(new DateTimeOffset(2025, 2, 18, 14, 30, 0, TimeSpan.FromHours(3)), article.Published);
        Assert.Equal("https://news.example/news/talks", article.Url);
    }

    [Fact]
    public void HeadingsParagraphsAndListItemsEachGetTheirOwnLineWithBlankLinesBetweenBlocks()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.NewsArticle(), PageUrl);

        Assert.Contains(
            "in recent years.\n\nRestore embassy staffing in Washington and Moscow.\nAppoint negotiating teams for Ukraine.\n\nWho was absent\n\nUkrainian and European",
            article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void TablesBecomeOneCellPerLineWithABlankLineBetweenRows()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.TableAndList, PageUrl);

        Assert.Contains("Name\nRole\n\nFirst Person\nForeign minister\n\nItem one\nItem two\n\nClosing paragraph", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void TablesInsideFiguresAreKept()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.FigureTableAndBreaks, PageUrl);

        Assert.Contains("18 February\nRiyadh meeting", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Table caption", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void DoubleLineBreaksSeparateParagraphs()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.FigureTableAndBreaks, PageUrl);

        Assert.Contains("goes on for a while.\n\nSecond paragraph", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutJsonLdTheMetadataComesFromOpenGraphAndMetaTags()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.NewsArticle(withJsonLd: false), PageUrl);

        Assert.Equal("Envoys meet in Riyadh (og title)", article.Title);
        Assert.Equal("Meta Author", article.Author);
        Assert.Equal(new DateTimeOffset(2025, 2, 19, 8, 0, 0, TimeSpan.Zero), article.Published);
    }

    [Fact]
    public void PageWithoutArticleMarkupIsExtractedByTextDensity()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.NoSemanticMarkup, PageUrl);

        Assert.StartsWith("Officials said on Wednesday", article.Body, StringComparison.Ordinal);
        Assert.Contains("sequencing and guarantees.", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Click here", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void ArticleElementsInACommentThreadAreNotMistakenForTheStory()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.CommentsAsArticles, PageUrl);

        Assert.StartsWith("The talks ended late on Tuesday", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("reader42", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void TitleFallsBackToTheTitleTagWithoutTheSiteName()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.NoSemanticMarkup, PageUrl);

        Assert.Equal("Ceasefire proposal discussed", article.Title);
    }

    [Fact]
    public void UrlFallsBackToThePageUrlWhenThePageNamesNone()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.NoSemanticMarkup, PageUrl);

        Assert.Equal(PageUrl.AbsoluteUri, article.Url);
    }

    [Fact]
    public void ScriptStyleAndEventHandlerTextNeverReachTheOutput()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.Hostile, PageUrl);

        Assert.DoesNotContain("SCRIPT-SECRET-TEXT", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("IMG-ONERROR-TEXT", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("NOSCRIPT-TEXT", article.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("STYLE-TEXT", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void EntitiesAreDecodedAndWhitespaceCollapsed()
    {
        var article = HtmlArticleExtractor.Extract(TestPages.Hostile, PageUrl);

        Assert.Contains("Entities such as & and \"quotes\" and non-breaking spaces are decoded into plain text.", article.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void PageWithTooLittleTextIsRefusedAsHavingNoArticle()
    {
        var error = Assert.Throws<ArticleFormatException>(() => HtmlArticleExtractor.Extract(TestPages.Stub, PageUrl));

        Assert.StartsWith("No article text found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlFormatReadsSavedPagesForTheArticleLoader()
    {
        var format = new HtmlArticleFormat();

        var article = format.Parse(TestPages.NewsArticle(canonicalHref: "https://news.example/news/talks"));

        Assert.Contains(".html", format.Extensions);
        Assert.Equal(TestPages.Headline, article.Title);
        Assert.Equal("https://news.example/news/talks", article.Url);
    }
}
