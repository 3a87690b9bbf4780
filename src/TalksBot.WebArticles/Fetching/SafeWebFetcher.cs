using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TalksBot.WebArticles.Fetching;

/// <summary>
/// Fetches one HTML page for a moderator, refusing anything that is not a public web page: private addresses on every
/// redirect hop (checked on the very address connected to, so DNS rebinding cannot slip past), oversized bodies, non-HTML.
/// </summary>
internal sealed partial class SafeWebFetcher(HttpClient http, IOptions<WebArticlesOptions> options, ILogger<SafeWebFetcher> logger)
{
    private static readonly HashSet<string> HtmlMediaTypes = new(StringComparer.OrdinalIgnoreCase) { "text/html", "application/xhtml+xml" };

    private readonly WebArticlesOptions _options = options.Value;

    /// <summary>The primary handler: redirects and connections are ours to check.</summary>
    public static SocketsHttpHandler CreateHandler(WebArticlesOptions options) => new()
    {
        AllowAutoRedirect = false,
        // A proxy would receive the connection instead of the checked address.
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, ct) => ConnectCheckedAsync(context.DnsEndPoint, options.UnsafeAllowPrivateNetworkFetches, ct),
    };

    public async Task<FetchedPage> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        try
        {
            return await FollowRedirectsAsync(url, deadline.Token);
        }
        catch (WebArticleException ex) when (ex.Error == WebArticleError.BlockedAddress)
        {
            LogBlocked(url.Host);
            throw;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WebArticleException(WebArticleError.Timeout,
                $"{url.Host} did not send the page within {_options.Timeout.TotalSeconds:0.#} s.", ex);
        }
    }

    private async Task<FetchedPage> FollowRedirectsAsync(Uri url, CancellationToken ct)
    {
        for (var redirects = 0; ; redirects++)
        {
            RequireWebScheme(url);
            LogFetching(Redact(url));
            using var response = await SendAsync(url, ct);
            if (IsRedirect(response.StatusCode))
            {
                if (redirects >= _options.MaxRedirects)
                    throw new WebArticleException(WebArticleError.TooManyRedirects,
                        $"{url.Host} redirected more than {_options.MaxRedirects} times; giving up.");
                url = response.Headers.Location is { } location
                    ? new Uri(url, location)
                    : throw new WebArticleException(WebArticleError.HttpStatus, $"{url.Host} answered a redirect without saying where to.");
                continue;
            }
            if (!response.IsSuccessStatusCode)
                throw new WebArticleException(WebArticleError.HttpStatus,
                    $"{url.Host} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase} for {Redact(url)}.");
            var contentType = response.Content.Headers.ContentType;
            if (contentType?.MediaType is not { } mediaType || !HtmlMediaTypes.Contains(mediaType))
                throw new WebArticleException(WebArticleError.NotHtml,
                    $"Not an HTML page (content type {contentType?.MediaType ?? "none"}).");
            var bytes = await ReadLimitedAsync(response.Content, ct);
            return new FetchedPage(url, HtmlDecoding.Decode(bytes, contentType.CharSet), mediaType);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url)
        {
            // HTTP/3 runs over QUIC and would bypass the checked connect callback.
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        // Sent as configured: a product string with unusual punctuation must not fail every fetch.
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1");
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex) when (ex.InnerException is WebArticleException inner)
        {
            throw inner;
        }
        catch (HttpRequestException ex)
        {
            throw new WebArticleException(WebArticleError.Unreachable, $"Could not reach {url.Host}: {ex.Message}", ex);
        }
    }

    // Counts bytes as they arrive: Content-Length may be absent (chunked) or a lie.
    private async Task<byte[]> ReadLimitedAsync(HttpContent content, CancellationToken ct)
    {
        if (content.Headers.ContentLength > _options.MaxBytes)
            throw TooLarge();
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var body = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > _options.MaxBytes)
                    throw TooLarge();
                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return body.ToArray();
    }

    private WebArticleException TooLarge() =>
        new(WebArticleError.TooLarge, $"The page is larger than the {_options.MaxBytes / 1024.0 / 1024.0:0.##} MB limit.");

    private static async ValueTask<Stream> ConnectCheckedAsync(DnsEndPoint endPoint, bool allowPrivate, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(endPoint.Host, ct);
        }
        catch (SocketException ex)
        {
            throw new WebArticleException(WebArticleError.Unreachable, $"Could not find the host {endPoint.Host}.", ex);
        }
        if (!allowPrivate && addresses.FirstOrDefault(AddressPolicy.IsBlocked) is { } blocked)
            throw new WebArticleException(WebArticleError.BlockedAddress,
                $"Refusing to fetch from {endPoint.Host}: it points to {blocked}, a local or private network address. Imports reach public " +
                "web pages only, so a link in a message can never make the bot read this machine, its cloud metadata or the " +
                "internal network; WebArticles:UnsafeAllowPrivateNetworkFetches lifts this for tests, never for a hosted bot.");

        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, endPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new WebArticleException(WebArticleError.Unreachable,
            $"Could not connect to {endPoint.Host} on port {endPoint.Port}: {lastError?.Message ?? "it has no address"}.", lastError);
    }

    private static void RequireWebScheme(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            throw new WebArticleException(WebArticleError.InvalidUrl, $"Only http and https links can be imported, not {url}.");
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    // Query strings can carry tokens; logs get scheme, host and path only.
    private static string Redact(Uri url) => url.GetLeftPart(UriPartial.Path);

    [LoggerMessage(2205, LogLevel.Warning, "Refused to fetch from {Host}: a redirect or the address leads to a local or private network")]
    private partial void LogBlocked(string host);

    [LoggerMessage(2201, LogLevel.Information, "Fetching article page {Url}")]
    private partial void LogFetching(string url);
}
