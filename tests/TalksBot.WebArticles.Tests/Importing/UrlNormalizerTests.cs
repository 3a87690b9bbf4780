using TalksBot.WebArticles.Importing;

namespace TalksBot.WebArticles.Tests.Importing;

public sealed class UrlNormalizerTests
{
    [Fact]
    public void SpellingsOfOneAddressNormaliseToTheSameString()
    {
        var plain = UrlNormalizer.Normalize("https://news.example/world/talks?id=7");

        var noisy = UrlNormalizer.Normalize("HTTPS://News.Example:443/world/talks/?utm_source=feed&id=7&utm_medium=social#comments");

        Assert.Equal(plain, noisy);
    }

    [Fact]
    public void DifferentPathsStayDifferent() =>
        Assert.NotEqual(UrlNormalizer.Normalize("https://news.example/a"), UrlNormalizer.Normalize("https://news.example/b"));

    [Fact]
    public void NonWebAddressesHaveNoNormalForm() =>
        Assert.Null(UrlNormalizer.Normalize("mailto:editor@news.example"));
}
