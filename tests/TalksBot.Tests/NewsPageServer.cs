using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Testing.Web;

namespace TalksBot.Tests;

/// <summary>A news site on loopback Kestrel serving one realistic article page (JSON-LD NewsArticle and an article body).</summary>
internal sealed class NewsPageServer : IAsyncDisposable
{
    public const string Question = "Who will chair the working group on Black Sea shipping?";
    public const string Answer = "Ingrid Halvorsen";

    private const string Page = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <meta charset="utf-8">
        <title>Working group on Black Sea shipping named after Riyadh talks | Harbor Times</title>
        <meta property="og:title" content="Working group on Black Sea shipping named after Riyadh talks">
        <script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"Working group on Black Sea shipping named after Riyadh talks",
         "datePublished":"2025-02-21T09:30:00Z","author":{"@type":"Person","name":"Dana Whitfield"},
         "publisher":{"@type":"Organization","name":"Harbor Times"}}
        </script>
        </head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
        <article>
        <h1>Working group on Black Sea shipping named after Riyadh talks</h1>
        <p class="byline">By Dana Whitfield, February 21, 2025</p>
        <p>Three days after the American and Russian delegations met in Riyadh, officials announced a technical working group on Black Sea shipping.</p>
        <p>The working group on Black Sea shipping will be chaired by Norwegian diplomat Ingrid Halvorsen, the Saudi foreign ministry said on Friday.</p>
        <p>Halvorsen previously mediated grain corridor disputes and is expected to convene the first session in Jeddah in early March.</p>
        <p>Ukrainian officials said they would take part only if Kyiv was represented at every session of the working group.</p>
        </article>
        <footer>© 2025 Harbor Times. All rights reserved.</footer>
        </body></html>
        """;

    private readonly WebApplication _app;

    private NewsPageServer(WebApplication app) => _app = app;

    public Uri ArticleUrl => new(_app.Urls.First() + "/world/2025/02/21/black-sea-working-group");

    public static async Task<NewsPageServer> StartAsync()
    {
        var app = LoopbackWebApp.CreateBuilder().Build();
        app.MapGet("/world/2025/02/21/black-sea-working-group", () => Results.Content(Page, "text/html; charset=utf-8"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new NewsPageServer(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
