using TalksBot.WebArticles.Importing;
using YamlDotNet.Serialization;

namespace TalksBot.WebArticles.Tests.Importing;

public sealed class ArticleImporterTests(TestSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportedPageIsWrittenAsMarkdownWhoseFrontMatterCarriesItsMetadata()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();

        var imported = await host.Importer.ImportUrlAsync(site.Url("/news/talks?utm_source=share#top"), folder.Path, Ct);

        var (frontMatter, body) = SplitFrontMatter(await File.ReadAllTextAsync(imported.Path, Ct));
        Assert.Equal(TestPages.Headline, frontMatter["title"]);
        Assert.Equal(site.Url("/news/talks").AbsoluteUri, frontMatter["url"]);
        Assert.Equal("2025-02-18T14:30:00+03:00", frontMatter["published"]);
        Assert.Equal(TestPages.Author, frontMatter["author"]);
        Assert.Equal("2026-03-01T09:30:00Z", frontMatter["fetched_at"]);
        Assert.StartsWith("Senior American and Russian officials", body, StringComparison.Ordinal);
        Assert.All(TestPages.FurnitureStrings, s => Assert.DoesNotContain(s, body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportReturnsTheIdPathTitleAndUrlOfTheWrittenFile()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();

        var imported = await host.Importer.ImportUrlAsync(site.Url("/news/talks"), folder.Path, Ct);

        Assert.Equal(Path.Combine(folder.Path, imported.Id + ".md"), imported.Path);
        Assert.Equal(TestPages.Headline, imported.Title);
        Assert.Equal(site.Url("/news/talks").AbsoluteUri, imported.Url);
    }

    [Fact]
    public async Task ImportLeavesOnlyTheFinishedFileInTheFolder()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();

        var imported = await host.Importer.ImportUrlAsync(site.Url("/news/talks"), folder.Path, Ct);

        Assert.Equal([imported.Path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task ConcurrentImportsTakeDifferentNumbers()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();

        var imported = await Task.WhenAll(
            host.Importer.ImportUrlAsync(site.Url("/news/talks"), folder.Path, Ct),
            host.Importer.ImportUrlAsync(site.Url("/windows-1251"), folder.Path, Ct));

        Assert.Equal(["000", "001"], imported.Select(a => a.Id[..3]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NewIdTakesTheNextNumberAndAHashOfTheCanonicalUrl()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();
        folder.Write("000_d95e6bfe9de103e0.txt", "First seed article body.");
        folder.Write("003_0e4da796d2592ec8.txt", "Another seed article body.");

        var imported = await host.Importer.ImportUrlAsync(site.Url("/news/talks"), folder.Path, Ct);

        var urlHash = ContentFingerprint.Sha256Hex(UrlNormalizer.Normalize(site.Url("/news/talks")));
        Assert.Equal($"004_{urlHash[..16]}", imported.Id);
    }

    [Fact]
    public async Task PageWhoseCanonicalUrlIsAlreadyInTheFolderIsRefused()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();
        var first = await host.Importer.ImportUrlAsync(site.Url("/news/talks"), folder.Path, Ct);

        var error = await Assert.ThrowsAsync<WebArticleException>(
            () => host.Importer.ImportUrlAsync(site.Url("/news/talks-updated"), folder.Path, Ct));

        Assert.Equal(WebArticleError.DuplicateUrl, error.Error);
        Assert.Contains(first.Id, error.Message, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task SeedFileSourceLinkCountsAsAnExistingUrl()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();
        folder.Write("001_b9eb4489ecf82cc8.txt", $"Source link : {site.Url("/news/talks/")}\nPublish date : 2025-02-22 14:42:26\n\nA different text.");

        var error = await Assert.ThrowsAsync<WebArticleException>(
            () => host.Importer.ImportUrlAsync(site.Url("/news/talks"), folder.Path, Ct));

        Assert.Equal(WebArticleError.DuplicateUrl, error.Error);
    }

    [Fact]
    public async Task SameTextUnderAnotherUrlIsRefused()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();
        await host.Importer.ImportUrlAsync(site.Url("/news/talks"), folder.Path, Ct);

        var error = await Assert.ThrowsAsync<WebArticleException>(
            () => host.Importer.ImportUrlAsync(site.Url("/mirror/talks"), folder.Path, Ct));

        Assert.Equal(WebArticleError.DuplicateContent, error.Error);
    }

    [Fact]
    public async Task PageWithoutArticleTextIsRefusedAndNothingIsWritten()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();

        var error = await Assert.ThrowsAsync<WebArticleException>(() => host.Importer.ImportUrlAsync(site.Url("/stub"), folder.Path, Ct));

        Assert.Equal(WebArticleError.NoArticleText, error.Error);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task LocalHtmlFileIsImportedThroughTheHtmlFormat()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();
        using var source = new TempFolder();
        var file = source.Write("saved-page.html", TestPages.NewsArticle(canonicalHref: "https://news.example/news/talks"));

        var imported = await host.Importer.ImportFileAsync(file, folder.Path, Ct);

        var (frontMatter, body) = SplitFrontMatter(await File.ReadAllTextAsync(imported.Path, Ct));
        Assert.Equal("https://news.example/news/talks", frontMatter["url"]);
        Assert.Equal(TestPages.Headline, frontMatter["title"]);
        Assert.DoesNotContain("Accept all cookies", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalTextFileKeepsItsSourceLinkAsTheUrl()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();
        using var source = new TempFolder();
        var file = source.Write("article.txt", "Source link : https://news.example/a\nPublish date : 2025-02-22 14:42:26\nThe talks began.");

        var imported = await host.Importer.ImportFileAsync(file, folder.Path, Ct);

        var (frontMatter, body) = SplitFrontMatter(await File.ReadAllTextAsync(imported.Path, Ct));
        Assert.Equal("https://news.example/a", frontMatter["url"]);
        Assert.Equal("The talks began.", body);
    }

    [Fact]
    public async Task ContentThatIsNotUtf8TextIsRefusedWithTheLoadersReasonAndNothingIsWritten()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();
        byte[] latin1 = [.. "Talks in Riyadh "u8, 0xE9, 0x74, 0xE9];

        var error = await Assert.ThrowsAsync<WebArticleException>(() => host.Importer.ImportContentAsync("notes.txt", latin1, folder.Path, Ct));

        Assert.Equal(WebArticleError.NoArticleText, error.Error);
        Assert.StartsWith("notes.txt: It is not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task ContentIsParsedByTheFormatItsFileNameNames()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();
        var markdown = "---\ntitle: Envoys meet again\npublished: 2025-03-01\n---\nThe envoys met again in Istanbul.\n"u8.ToArray();

        var imported = await host.Importer.ImportContentAsync("update.md", markdown, folder.Path, Ct);

        var (frontMatter, body) = SplitFrontMatter(await File.ReadAllTextAsync(imported.Path, Ct));
        Assert.Equal("Envoys meet again", frontMatter["title"]);
        Assert.Equal("The envoys met again in Istanbul.", body);
    }

    [Fact]
    public async Task RemovingAnArticleDeletesItsFile()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();
        var imported = await host.Importer.ImportUrlAsync(site.Url("/news/talks"), folder.Path, Ct);

        host.Importer.RemoveArticle(imported.Id, folder.Path);

        Assert.False(File.Exists(imported.Path));
    }

    [Fact]
    public void RemovingAnUnknownIdSaysSo()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();

        var error = Assert.Throws<WebArticleException>(() => host.Importer.RemoveArticle("042_0000000000000000", folder.Path));

        Assert.Equal(WebArticleError.UnknownArticle, error.Error);
    }

    [Fact]
    public void RemovingAPathInsteadOfAnIdIsRefused()
    {
        using var host = new WebArticlesHost();
        using var folder = new TempFolder();

        var error = Assert.Throws<WebArticleException>(() => host.Importer.RemoveArticle("../secrets", folder.Path));

        Assert.Equal(WebArticleError.UnknownArticle, error.Error);
    }

    private static (Dictionary<string, string> FrontMatter, string Body) SplitFrontMatter(string markdown)
    {
        var parts = markdown.Split("---\n", 3);
        Assert.Equal("", parts[0]);
        var frontMatter = new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(parts[1]);
        return (frontMatter, parts[2].Trim());
    }
}
