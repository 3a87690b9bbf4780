using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(TalksBot.WebArticles.Tests.TestSite))]

namespace TalksBot.WebArticles.Tests;

/// <summary>A local web site on loopback (Kestrel) serving the test pages, recording which paths were requested.</summary>
public sealed class TestSite : IAsyncLifetime
{
    public const string CyrillicSentence = "Переговоры в Эр-Рияде продолжались более четырёх часов, и стороны договорились восстановить работу посольств.";

    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _userAgents = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    public int HitsFor(string path) => _hits.GetValueOrDefault(path);

    public string? UserAgentFor(string path) => _userAgents.GetValueOrDefault(path);

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            _hits.AddOrUpdate(context.Request.Path.Value ?? "", 1, (_, n) => n + 1);
            _userAgents[context.Request.Path.Value ?? ""] = context.Request.Headers.UserAgent.ToString();
            await next(context);
        });
        app.MapGet("/news/talks", () => Html(TestPages.NewsArticle()));
        app.MapGet("/news/talks-updated", () => Html(TestPages.NewsArticle(
            canonicalHref: "/news/talks/?utm_campaign=update",
            extraParagraph: "<p>Update: officials later said a second meeting would follow within weeks, at a venue not yet chosen.</p>")));
        app.MapGet("/mirror/talks", () => Html(TestPages.NewsArticle(canonicalHref: "/mirror/talks")));
        app.MapGet("/stub", () => Html(TestPages.Stub));
        app.MapGet("/probe/{id}", () => Html(TestPages.NewsArticle()));
        app.MapGet("/hops/{count:int}", (int count) => count > 0 ? Results.Redirect($"/hops/{count - 1}") : Html(TestPages.NewsArticle()));
        app.MapGet("/report.pdf", () => Results.Bytes("%PDF-1.7 not a web page"u8.ToArray(), "application/pdf"));
        app.MapGet("/windows-1251", () => Results.Bytes(Cp1251Page(), "text/html"));
        app.MapGet("/endless", WriteEndlessPageAsync);
        app.MapGet("/missing", () => Results.NotFound());
        app.MapGet("/slow", async (HttpContext context) =>
        {
            // Bounded: ends when the client gives up or after 30 s, whichever is first.
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Html(TestPages.NewsArticle());
        });
        await app.StartAsync();
        _app = app;
        BaseUrl = new Uri(app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    // Chunked with no Content-Length, so only counting while reading can stop it; bounded so the test always ends.
    private static async Task WriteEndlessPageAsync(HttpContext context)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var chunk = Encoding.UTF8.GetBytes("<p>" + new string('x', 8 * 1024) + "</p>");
        try
        {
            await context.Response.WriteAsync("<html><body><article>", context.RequestAborted);
            for (var i = 0; i < 256 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The client stopped reading at its size limit, which is what the test expects.
        }
    }

    private static byte[] Cp1251Page()
    {
        var html = $"""
            <html><head><meta charset="windows-1251"><title>Переговоры</title></head>
            <body><article><p>{CyrillicSentence}</p><p>{CyrillicSentence}</p><p>{CyrillicSentence}</p></article></body></html>
            """;
        return CodePagesEncodingProvider.Instance.GetEncoding(1251)!.GetBytes(html);
    }
}
