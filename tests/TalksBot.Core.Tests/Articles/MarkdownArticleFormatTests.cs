using TalksBot.Core.Articles;

namespace TalksBot.Core.Tests.Articles;

public sealed class MarkdownArticleFormatTests
{
    private readonly MarkdownArticleFormat _format = new();

    [Fact]
    public void FrontMatterFieldsBecomeTheMetadata()
    {
        var parsed = _format.Parse(
            "---\ntitle: Talks in Riyadh\nurl: https://example.com/riyadh\npublished: 2025-02-18T09:30:00+03:00\nauthor: A. Writer\ntags: [diplomacy]\n---\nThe talks began.");

        Assert.Equal("Talks in Riyadh", parsed.Title);
        Assert.Equal("https://example.com/riyadh", parsed.Url);
        Assert.Equal(new DateTimeOffset(2025, 2, 18, 9, 30, 0, TimeSpan.FromHours(3)), parsed.Published);
        Assert.Equal("A. Writer", parsed.Author);
    }

    [Fact]
    public void FrontMatterIsNotPartOfTheBody()
    {
        var parsed = _format.Parse("---\ntitle: Talks\n---\n\nThe talks began.\n");

        Assert.Equal("The talks began.", parsed.Body);
    }

    [Fact]
    public void DateWithoutAnOffsetIsTakenAsUtc()
    {
        var parsed = _format.Parse("---\ndate: 2025-02-18\n---\nThe talks began.");

        Assert.Equal(new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero), parsed.Published);
    }

    [Fact]
    public void MarkdownWithoutFrontMatterKeepsItsWholeBody()
    {
        var parsed = _format.Parse("# Talks Resume\n\nThe talks began.");

        Assert.Null(parsed.Title);
        Assert.Equal("# Talks Resume\n\nThe talks began.", parsed.Body);
    }

    [Fact]
    public void MarkdownHeadingGivesTheDerivedTitle()
    {
        Assert.Equal("Talks Resume", ArticleTitle.Derive("# Talks Resume\n\nThe talks began."));
    }
}
