using System.Net;
using System.Net.Sockets;

namespace TalksBot.WebArticles.Tests.Fetching;

public sealed class SafeWebFetcherTests(TestSite site)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FollowsARedirectChainUpToTheLimit()
    {
        using var host = new WebArticlesHost(maxRedirects: 5);

        var page = await host.Fetcher.FetchAsync(site.Url("/hops/5"), Ct);

        Assert.Equal("/hops/0", page.Url.AbsolutePath);
        Assert.Contains(TestPages.Headline, page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneRedirectTooManyIsRefused()
    {
        using var host = new WebArticlesHost(maxRedirects: 5);
        // The site is shared by the class, so another test may already have reached the last hop: compare, don't assume 0.
        var hitsBefore = site.HitsFor("/hops/0");

        var error = await Assert.ThrowsAsync<WebArticleException>(() => host.Fetcher.FetchAsync(site.Url("/hops/6"), Ct));

        Assert.Equal(WebArticleError.TooManyRedirects, error.Error);
        Assert.Equal(hitsBefore, site.HitsFor("/hops/0"));
    }

    [Fact]
    public async Task RequestsNameTalksBotAsTheUserAgent()
    {
        using var host = new WebArticlesHost();
        var path = $"/probe/{Guid.NewGuid():N}";

        await host.Fetcher.FetchAsync(site.Url(path), Ct);

        Assert.StartsWith("TalksBot/", site.UserAgentFor(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorStatusIsReportedWithItsCode()
    {
        using var host = new WebArticlesHost();

        var error = await Assert.ThrowsAsync<WebArticleException>(() => host.Fetcher.FetchAsync(site.Url("/missing"), Ct));

        Assert.Equal(WebArticleError.HttpStatus, error.Error);
        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerThatNeverAnswersRunsIntoTheTimeout()
    {
        using var host = new WebArticlesHost(timeout: "00:00:01");

        var error = await Assert.ThrowsAsync<WebArticleException>(() => host.Fetcher.FetchAsync(site.Url("/slow"), Ct));

        Assert.Equal(WebArticleError.Timeout, error.Error);
    }

    [Fact]
    public async Task NonHtmlContentIsRefusedNamingItsType()
    {
        using var host = new WebArticlesHost();

        var error = await Assert.ThrowsAsync<WebArticleException>(() => host.Fetcher.FetchAsync(site.Url("/report.pdf"), Ct));

        Assert.Equal(WebArticleError.NotHtml, error.Error);
        Assert.Equal("Not an HTML page (content type application/pdf).", error.Message);
    }

    [Fact]
    public async Task ChunkedBodyOverTheSizeLimitIsRefusedWhileStreaming()
    {
        using var host = new WebArticlesHost(maxBytes: 100_000);

        var error = await Assert.ThrowsAsync<WebArticleException>(() => host.Fetcher.FetchAsync(site.Url("/endless"), Ct));

        Assert.Equal(WebArticleError.TooLarge, error.Error);
    }

    [Fact]
    public async Task LoopbackAddressIsRefusedBeforeAnyRequestIsSent()
    {
        using var host = new WebArticlesHost(allowPrivateAddresses: false);
        var path = $"/probe/{Guid.NewGuid():N}";

        var error = await Assert.ThrowsAsync<WebArticleException>(() => host.Fetcher.FetchAsync(site.Url(path), Ct));

        Assert.Equal(WebArticleError.BlockedAddress, error.Error);
        // The refusal says why and names the switch, so nobody has to guess what blocked the import.
        Assert.Contains("WebArticles:UnsafeAllowPrivateNetworkFetches", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, site.HitsFor(path));
    }

    [Fact]
    public async Task LocalhostByNameIsRefusedToo()
    {
        using var host = new WebArticlesHost(allowPrivateAddresses: false);

        var error = await Assert.ThrowsAsync<WebArticleException>(
            () => host.Fetcher.FetchAsync(new Uri($"http://localhost:{site.BaseUrl.Port}/news/talks"), Ct));

        Assert.Equal(WebArticleError.BlockedAddress, error.Error);
    }

    [Fact]
    public async Task ClosedPortIsReportedAsUnreachable()
    {
        using var host = new WebArticlesHost();
        var closedPort = ClosedLoopbackPort();

        var error = await Assert.ThrowsAsync<WebArticleException>(
            () => host.Fetcher.FetchAsync(new Uri($"http://127.0.0.1:{closedPort}/news"), Ct));

        Assert.Equal(WebArticleError.Unreachable, error.Error);
        Assert.Contains($"port {closedPort}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonWebSchemeIsRefused()
    {
        using var host = new WebArticlesHost();

        var error = await Assert.ThrowsAsync<WebArticleException>(() => host.Fetcher.FetchAsync(new Uri("file:///etc/passwd"), Ct));

        Assert.Equal(WebArticleError.InvalidUrl, error.Error);
    }

    [Fact]
    public async Task CharsetDeclaredInAMetaTagDecodesThePage()
    {
        using var host = new WebArticlesHost();

        var page = await host.Fetcher.FetchAsync(site.Url("/windows-1251"), Ct);

        Assert.Contains(TestSite.CyrillicSentence, page.Html, StringComparison.Ordinal);
    }

    private static int ClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
