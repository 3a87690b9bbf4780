using FsCheck;
using FsCheck.Fluent;
using TalksBot.Core.Articles;
using TalksBot.Testing.Fuzz;
using TalksBot.WebArticles.Extraction;

namespace TalksBot.WebArticles.Tests.Extraction;

public sealed class HtmlArticleExtractorProperties
{
    private static readonly Uri PageUrl = new("https://news.example.com/2025/02/talks");

    // Far beyond any honest page's time; only a hang or a runaway (exponential) walk reaches it.
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private static readonly Gen<string> Tag = Gen.Elements(
        "div", "p", "article", "main", "section", "span", "a", "table", "tr", "td", "li", "ul", "ol", "h1", "h2", "nav", "aside", "footer",
        "header", "script", "style", "template", "svg", "math", "noscript", "iframe", "pre", "listing", "PRE class=x", "br", "img", "time", "meta", "select", "option", "form", "frameset");

    private static readonly Gen<string> Attribute = Gen.Elements(
        "", " class=\"content article-body\"", " class=\"sidebar comments\"", " itemprop=\"articleBody\"", " role=\"main\"", " id=x",
        " datetime=\"2025-02-18T10:00:00Z\"", " datetime=\"not a date\"", " href=\"javascript:alert(1)\"", " href=\"/relative\"",
        " rel=\"canonical\" href=\"http://[::1\"", " content=\"", " \"'<>=", " hidden", " style=\"display:none\"");

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (4, Gen.Zip(Tag, Attribute).Select(t => $"<{t.Item1}{t.Item2}>")),
        (3, Tag.Select(t => $"</{t}>")),
        (5, HostileText.Any.Select(t => t.Length > 2_000 ? t[..2_000] : t)),
        (3, Gen.Constant("The delegations met in Riyadh on February 18, 2025 and agreed to keep talking about the war in Ukraine. ")),
        (1, Gen.Elements(
            "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "&amp;", "&#0;", "&#x110000;", "&bogus;", "<", ">", "</", "<<<>>>", "\0",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":", "{\"@graph\":[[[[", "</script>",
            "<meta property=\"og:title\" content=\"T\">", "<meta name=\"author\">", "<link rel=canonical href=//x>", "<title>A | Site</title>")));

    // Big pages are rare: each costs as much as hundreds of small ones, and repeating them finds nothing new.
    private static readonly Gen<string> Page = Gen.Frequency(
        (80, Fragment.ListOf().Select(string.Concat)),
        (3, Gen.Zip(Tag, Gen.Choose(1, 20_000)).Select(t => Nest($"<{t.Item1}>", $"</{t.Item1}>", t.Item2, "Deep text. "))),
        // Deep enough that a parser whose time grows with the square of the depth runs past the timeout.
        (3, Gen.Zip(Gen.Elements("div", "article", "section", "span", "b", "pre"), Gen.Choose(1, 200_000))
            .Select(t => Nest($"<{t.Item1}>", $"</{t.Item1}>", t.Item2, "Deep text. "))),
        (6, Gen.Choose(1, 20_000).Select(n => Nest("<div><p>", "", n, "Unclosed all the way down. "))),
        (3, Gen.Choose(1, 2_000).Select(Paragraphs)),
        (3, Gen.Choose(1, 20_000).Select(n => "<table>" + string.Concat(Enumerable.Repeat("<td>", n)))),
        (1, Gen.Constant(Paragraphs(15_000))));

    [Fact]
    public void AnyPageGivesAnArticleOrAReasonAndEndsWithinAGenerousTimeout()
    {
        Fuzz.Check(Page, async html =>
        {
            var extraction = Task.Run(() =>
            {
                try
                {
                    var article = HtmlArticleExtractor.Extract(html, PageUrl);
                    Assert.True(article.Body.Length >= HtmlArticleExtractor.MinTextLength);
                }
                catch (ArticleFormatException e)
                {
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                }
            });

            await extraction.WaitAsync(Generous, TestContext.Current.CancellationToken);
        });
    }

    private static string Paragraphs(int count) =>
        "<article>" + string.Concat(Enumerable.Repeat("<p>The delegations met in Riyadh and talked for hours. </p>", count)) + "</article>";

    private static string Nest(string open, string close, int depth, string text) =>
        string.Concat(Enumerable.Repeat(open, depth)) + text + string.Concat(Enumerable.Repeat(close, depth));
}
