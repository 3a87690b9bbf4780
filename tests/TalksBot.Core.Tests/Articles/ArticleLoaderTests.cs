using System.Security.Cryptography;
using System.Text;
using TalksBot.Core.Articles;

namespace TalksBot.Core.Tests.Articles;

public sealed class ArticleLoaderTests
{
    private const string GoodText = "Talks Resume\nThe delegations met again on Monday. They agreed to continue.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyFileIsSkippedWhileTheOthersLoad()
    {
        var skipped = await SkipAsync("empty.txt", []);

        Assert.Contains("empty", skipped.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WhitespaceOnlyFileIsSkipped()
    {
        var skipped = await SkipAsync("blank.txt", Encoding.UTF8.GetBytes(" \n\t\r\n  "));

        Assert.Contains("white space", skipped.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FileWithNulBytesIsSkippedAsBinary()
    {
        var skipped = await SkipAsync("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x41]);

        Assert.Contains("binary", skipped.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task FileOfMostlyControlCharactersIsSkippedAsBinary()
    {
        var skipped = await SkipAsync("control.txt", [0x01, 0x02, 0x03, 0x41, 0x04, 0x05, 0x42, 0x06]);

        Assert.Contains("binary", skipped.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InvalidUtf8IsSkippedAskingForUtf8()
    {
        // "Caf\xE9" is Latin-1, not UTF-8.
        var skipped = await SkipAsync("latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x6B, 0x2E]);

        Assert.Contains("UTF-8", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16FileIsSkippedAskingForUtf8()
    {
        var skipped = await SkipAsync("wide.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(GoodText)]);

        Assert.Contains("UTF-16", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileOverTheSizeLimitIsSkippedNamingTheSetting()
    {
        using var folder = new TempFolder();
        folder.Write("big.txt", new string('a', 200) + ".");
        folder.Write("small.txt", "Short.");

        var set = await SeedArticles.NewLoader(maxFileBytes: 100).LoadDirectoryAsync(folder.Path, Ct);

        var skipped = Assert.Single(set.Skipped);
        Assert.EndsWith("big.txt", skipped.Path, StringComparison.Ordinal);
        Assert.Contains("MaxFileBytes", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal("small", Assert.Single(set.Articles).Id);
    }

    [Fact]
    public async Task UnterminatedFrontMatterIsSkipped()
    {
        var skipped = await SkipAsync("open.md", "---\ntitle: Talks\n\nBody text.");

        Assert.Contains("never closed", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidYamlFrontMatterIsSkipped()
    {
        var skipped = await SkipAsync("yaml.md", "---\ntitle: [unclosed\n---\nBody text.");

        Assert.Contains("not valid YAML", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontMatterThatBreaksTheYamlScannerIsSkippedNotTheRun()
    {
        var skipped = await SkipAsync("scanner.md", "---\ntitle: [unclosed\nurl: :::\n---\nBody text.");

        Assert.Contains("not valid YAML", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormatThatFailsInAnUnforeseenWayCostsOnlyItsFile()
    {
        using var folder = new TempFolder();
        folder.Write("page.html", "<p>anything</p>");
        folder.Write("good.txt", GoodText);

        var set = await SeedArticles.NewLoader(extraFormats: new ThrowingFormat()).LoadDirectoryAsync(folder.Path, Ct);

        Assert.Equal("good", Assert.Single(set.Articles).Id);
        Assert.Contains("parser fault", Assert.Single(set.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnparseableFrontMatterDateIsSkipped()
    {
        var skipped = await SkipAsync("date.md", "---\npublished: next Tuesday-ish\n---\nBody text.");

        Assert.Contains("'published'", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelativeFrontMatterUrlIsSkipped()
    {
        var skipped = await SkipAsync("url.md", "---\nurl: /news/talks\n---\nBody text.");

        Assert.Contains("absolute", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FrontMatterTitleGivenAsAListIsSkipped()
    {
        var skipped = await SkipAsync("list.md", "---\ntitle:\n  - one\n  - two\n---\nBody text.");

        Assert.Contains("'title'", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileWithOnlyMetadataAndNoBodyIsSkipped()
    {
        var skipped = await SkipAsync("nobody.txt", "Source link : https://example.com/a\n\nAuthor : Someone\n");

        Assert.Contains("no article text", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileNameThatIsNotAUsableIdIsSkipped()
    {
        var skipped = await SkipAsync("my article.txt", GoodText);

        Assert.Contains("rename", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondFileWithTheSameIdIsSkipped()
    {
        using var folder = new TempFolder();
        folder.Write("talks.md", GoodText);
        folder.Write("talks.txt", GoodText);

        var set = await SeedArticles.NewLoader().LoadDirectoryAsync(folder.Path, Ct);

        Assert.Single(set.Articles);
        Assert.Contains("already used", Assert.Single(set.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesWithUnknownExtensionsAndHiddenFilesAreIgnoredSilently()
    {
        using var folder = new TempFolder();
        folder.Write("README", "Put articles here.");
        folder.Write("notes.docx", "binary\0stuff");
        folder.Write(".draft.txt", GoodText);
        folder.Write("article.txt", GoodText);

        var set = await SeedArticles.NewLoader().LoadDirectoryAsync(folder.Path, Ct);

        Assert.Equal("article", Assert.Single(set.Articles).Id);
        Assert.Empty(set.Skipped);
    }

    [Fact]
    public async Task ArticlesAreOrderedById()
    {
        using var folder = new TempFolder();
        folder.Write("b.txt", GoodText);
        folder.Write("a.md", GoodText);
        folder.Write("c.txt", GoodText);

        var set = await SeedArticles.NewLoader().LoadDirectoryAsync(folder.Path, Ct);

        Assert.Equal(["a", "b", "c"], set.Articles.Select(a => a.Id));
    }

    [Fact]
    public async Task ExtraFormatReadsItsExtensionWhateverItsCase()
    {
        using var folder = new TempFolder();
        folder.Write("page.HTML", "<p>ignored</p>");

        var set = await SeedArticles.NewLoader(extraFormats: new UpperCaseFormat()).LoadDirectoryAsync(folder.Path, Ct);

        Assert.Equal("<P>IGNORED</P>", Assert.Single(set.Articles).Text);
    }

    [Fact]
    public async Task ByteOrderMarkIsAcceptedAndNotPartOfTheText()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("bom.txt", [.. "\uFEFF"u8.ToArray(), .. Encoding.UTF8.GetBytes(GoodText)]);

        var article = await SeedArticles.NewLoader().LoadFileAsync(path, Ct);

        Assert.StartsWith("Talks Resume", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LineEndingsAreNormalisedAndTheTextTrimmed()
    {
        using var folder = new TempFolder();
        var path = folder.Write("crlf.txt", "\r\n  Talks Resume\r\nThe delegations met.\rThey agreed.\r\n\r\n");

        var article = await SeedArticles.NewLoader().LoadFileAsync(path, Ct);

        Assert.Equal("Talks Resume\nThe delegations met.\nThey agreed.", article.Text);
    }

    [Fact]
    public async Task ContentHashIsTheLowerCaseSha256OfTheFileBytes()
    {
        using var folder = new TempFolder();
        var path = folder.Write("hash.txt", GoodText);

        var article = await SeedArticles.NewLoader().LoadFileAsync(path, Ct);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), article.ContentHash);
    }

    [Fact]
    public async Task LoadingOneBadFileThrowsAnArticleFormatException()
    {
        using var folder = new TempFolder();
        var path = folder.Write("empty.txt", "");

        await Assert.ThrowsAsync<ArticleFormatException>(() => SeedArticles.NewLoader().LoadFileAsync(path, Ct));
    }

    [Fact]
    public async Task MissingFolderThrowsInsteadOfLoadingNothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "talksbot-missing-" + Guid.NewGuid().ToString("N"));

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => SeedArticles.NewLoader().LoadDirectoryAsync(missing, Ct));
    }

    private static Task<SkippedArticleFile> SkipAsync(string name, string text) => SkipAsync(name, Encoding.UTF8.GetBytes(text));

    // Loads a folder holding the bad file beside a good one: the bad one must be skipped, the good one loaded.
    private static async Task<SkippedArticleFile> SkipAsync(string name, byte[] bytes)
    {
        using var folder = new TempFolder();
        folder.WriteBytes(name, bytes);
        folder.Write("good.txt", GoodText);

        var set = await SeedArticles.NewLoader().LoadDirectoryAsync(folder.Path, Ct);

        Assert.Equal("good", Assert.Single(set.Articles).Id);
        var skipped = Assert.Single(set.Skipped);
        Assert.Equal(name, Path.GetFileName(skipped.Path));
        return skipped;
    }

    private sealed class ThrowingFormat : IArticleFileFormat
    {
        public IReadOnlyCollection<string> Extensions { get; } = [".html"];

        public ParsedArticle Parse(string text) => throw new NotSupportedException("parser fault");
    }

    private sealed class UpperCaseFormat : IArticleFileFormat
    {
        public IReadOnlyCollection<string> Extensions { get; } = [".html"];

        public ParsedArticle Parse(string text) => new("Page", null, null, null, text.ToUpperInvariant());
    }
}
