namespace TalksBot.WebArticles.Tests;

/// <summary>Pages shaped like the ones moderators import; the furniture strings are asserted absent from extracted text.</summary>
internal static class TestPages
{
    public const string Headline = "Envoys meet in Riyadh for first round of talks";
    public const string Author = "Jane Example";

    private const string JsonLd = $$"""
        {"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Page"},{"@type":["NewsArticle"],"headline":"{{Headline}}",
         "author":[{"@type":"Person","name":"{{Author}}"}],"datePublished":"2025-02-18T14:30:00+03:00"}]}
        """;

    // Strings from the page furniture that must never reach the article text.
    public static readonly string[] FurnitureStrings =
    [
        "World | Politics | Business", "Accept all cookies", "Sponsored content", "Buy one get one", "Share on Facebook",
        "Share on X", "Related stories", "Markets rally on rate hopes", "Comment by reader42", "Subscribe to our newsletter",
        "© 2025 Example News", "Skip to content", "Advertisement",
    ];

    public static string NewsArticle(string canonicalHref = "/news/talks", string extraParagraph = "", bool withJsonLd = true) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>{{Headline}} | Example News</title>
          <link rel="canonical" href="{{canonicalHref}}">
          <meta property="og:title" content="Envoys meet in Riyadh (og title)">
          <meta name="author" content="Meta Author">
          <meta property="article:published_time" content="2025-02-19T08:00:00Z">
          <script type="application/ld+json">
          {{(withJsonLd ? JsonLd : "")}}
          </script>
          <style>.ad{display:block}</style>
        </head>
        <body>
          <a class="skip-link" href="#main">Skip to content</a>
          <div id="cookie-banner"><p>We use cookies to improve your experience on our site and to show you relevant ads. Accept all cookies</p><button>OK</button></div>
          <header class="site-header"><a href="/">Example News</a>
            <nav><ul><li><a href="/world">World | Politics | Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
          </header>
          <div class="ad-slot top"><p>Advertisement</p><p>Sponsored content: Buy one get one free on all winter coats this week only, hurry!</p></div>
          <main id="main">
            <article>
              <header><h1>{{Headline}}</h1><p class="byline">By <a rel="author" href="/staff/jane">{{Author}}</a></p>
                <time datetime="2025-02-18T11:30:00Z">18 February 2025</time></header>
              <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
              <p>Senior American and Russian officials sat down in the Saudi capital on Tuesday for their first formal negotiations in years, aiming to restore diplomatic channels and discuss the war in Ukraine.</p>
              <p>The delegations met for about four and a half hours at a palace in the Diriyah district, according to officials on both sides, who described the tone as businesslike and constructive.</p>
              <h2>What was agreed</h2>
              <p>Both sides agreed to appoint high-level teams to work on a path to ending the conflict, and to restore staffing at their embassies, which had been cut sharply in recent years.</p>
              <ul><li>Restore embassy staffing in Washington and Moscow.</li><li>Appoint negotiating teams for Ukraine.</li></ul>
              <div class="ad inline-ad"><p>Advertisement</p></div>
              <h2>Who was absent</h2>
              <p>Ukrainian and European officials were not at the table, a point that drew criticism from Kyiv, where the president said no agreement could be reached about Ukraine without Ukraine.</p>
              {{extraParagraph}}
              <figure><img src="/photo.jpg" alt="Delegations"><figcaption>Photo caption that is not article text</figcaption></figure>
              <footer class="article-footer"><p>Subscribe to our newsletter for daily updates.</p></footer>
            </article>
            <section class="comments"><h3>Comments</h3><p>Comment by reader42: this is a very long comment about the talks and what they mean for everyone involved.</p></section>
          </main>
          <aside class="related"><h3>Related stories</h3><article><h4><a href="/markets">Markets rally on rate hopes</a></h4><p>Markets rallied on Tuesday as investors bet on rate cuts later this year, with shares rising across the board.</p></article></aside>
          <div class="newsletter-signup"><p>Subscribe to our newsletter</p><form><input type="email"></form></div>
          <footer><p>© 2025 Example News. All rights reserved.</p><nav><a href="/privacy">Privacy</a></nav></footer>
        </body>
        </html>
        """;

    // No <article>, <main> or article-like class names: only text density tells the story from the link lists.
    public const string NoSemanticMarkup = """
        <html><head><title>Ceasefire proposal discussed - Daily Wire Service</title></head>
        <body>
          <div id="a1">
            <div id="b1">
              <p><a href="/1">Click here for the top ten stories of the day that everyone is reading right now</a></p>
              <p><a href="/2">Another long list of links to other pages on this website that are not the story</a></p>
              <p><a href="/3">Even more links to sections, archives, podcasts, newsletters, videos and more</a></p>
            </div>
            <div id="c1">
              <p>Officials said on Wednesday that a ceasefire proposal had been discussed at length, with mediators shuttling between the delegations throughout the day.</p>
              <p>The proposal, according to two people familiar with it, would freeze the front line, allow prisoner exchanges, and open talks on a longer-term settlement.</p>
              <p>Neither side, however, has publicly committed to the plan, and analysts cautioned that similar efforts had collapsed in the past over sequencing and guarantees.</p>
            </div>
          </div>
        </body></html>
        """;

    public const string Hostile = """
        <html><head><title>Hostile page</title>
        <script>var leaked = "SCRIPT-SECRET-TEXT"; document.write("SCRIPT-SECRET-TEXT");</script></head>
        <body><article>
          <p>The first paragraph of a perfectly ordinary article that a moderator might import into the article set for the bot.</p>
          <script>alert("SCRIPT-SECRET-TEXT")</script>
          <img src="x" onerror="alert('IMG-ONERROR-TEXT')">
          <noscript>NOSCRIPT-TEXT</noscript>
          <style>p { content: "STYLE-TEXT"; }</style>
          <p>A second paragraph with enough words in it to make the whole article comfortably longer than the minimum length.</p>
          <p>Entities such as &amp; and &quot;quotes&quot; and&nbsp;non-breaking spaces are decoded into plain text.</p>
        </article></body></html>
        """;

    public const string TableAndList = """
        <html><head><title>Results</title></head><body><article>
          <h2>Delegations</h2>
          <p>The delegations that took part in the meeting in Riyadh are listed below along with the role each person played.</p>
          <table><tr><th>Name</th><th>Role</th></tr><tr><td>First Person</td><td>Foreign minister</td></tr></table>
          <ol><li>Item one</li><li>Item <b>two</b></li></ol>
          <p>Closing paragraph that brings the total length of this test article safely past the minimum text length.</p>
        </article></body></html>
        """;

    // WordPress wraps tables in <figure>; older templates separate paragraphs with <br><br>.
    public const string FigureTableAndBreaks = """
        <html><head><title>Timeline</title></head><body><article>
          <p>The talks followed weeks of preparation by officials on both sides, who exchanged proposals through intermediaries.</p>
          <figure class="wp-block-table"><table><tr><td>18 February</td><td>Riyadh meeting</td></tr></table><figcaption>Table caption</figcaption></figure>
          <div>First line of an old-style paragraph that goes on for a while.<br><br>Second paragraph after a double break, also long enough to count.</div>
        </article></body></html>
        """;

    // The story is in plain divs; the comment thread uses <article> elements, each longer than the minimum.
    public const string CommentsAsArticles = """
        <html><head><title>Talks end</title></head><body>
          <div id="story">
            <p>The talks ended late on Tuesday with a joint statement that promised further meetings and a working group.</p>
            <p>Officials declined to say when the next round would take place, but said both capitals had agreed on an agenda.</p>
          </div>
          <section id="comments">
            <article class="c"><p>Comment by reader42: I have been following these negotiations for months and I honestly think that nothing will come of them, because neither side trusts the other and the statements mean very little.</p></article>
          </section>
        </body></html>
        """;

    public const string Stub = """
        <html><head><title>Subscribe</title></head><body><article><p>Subscribe to read this article.</p></article></body></html>
        """;
}
