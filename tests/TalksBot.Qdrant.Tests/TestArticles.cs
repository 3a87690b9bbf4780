using System.Security.Cryptography;
using System.Text;
using TalksBot.Core.Articles;
using TalksBot.Core.Passages;
using TalksBot.Qdrant.Index;

namespace TalksBot.Qdrant.Tests;

/// <summary>Small, realistic articles about the February 2025 Riyadh talks, one passage per paragraph.</summary>
internal static class TestArticles
{
    public static ArticlePassages Delegations { get; } = Create("001_riyadh_delegations", "U.S. and Russian officials meet in Riyadh",
        "Senior American and Russian officials met in Riyadh, Saudi Arabia, on February 18, 2025, for their first in-depth talks since Russia's full-scale invasion of Ukraine.",
        "The American delegation was led by Secretary of State Marco Rubio, joined by national security adviser Mike Waltz and Middle East envoy Steve Witkoff.",
        "The Russian side was represented by Foreign Minister Sergei Lavrov and Yuri Ushakov, a foreign policy aide to President Vladimir Putin.",
        "Ukraine was not invited. President Volodymyr Zelensky said Kyiv would not recognise any agreement reached without its participation.");

    public static ArticlePassages Outcome { get; } = Create("002_riyadh_outcome", "What the two sides agreed",
        "After four and a half hours at Diriyah Palace, both sides agreed to restore the staffing of their embassies in Washington and Moscow.",
        "They also agreed to appoint high-level negotiating teams to work on a path to ending the war in Ukraine as quickly as possible.",
        "European leaders gathered in Paris for an emergency summit, worried that they were being sidelined from decisions about the continent's security.");

    public static ArticlePassages Markets { get; } = Create("003_markets", "Oil slips as traders weigh sanctions relief",
        "Oil prices edged lower on Tuesday as traders weighed the prospect of eased sanctions on Russian crude exports.",
        "Brent crude futures fell 0.4 percent to 75.50 dollars a barrel by midday in London.");

    public static IReadOnlyList<ArticlePassages> All { get; } = [Delegations, Outcome, Markets];

    /// <summary>An article with the given paragraphs; passage ids are name-based, as the chunker's are.</summary>
    public static ArticlePassages Create(string id, string title, params string[] paragraphs)
    {
        var text = string.Join("\n\n", paragraphs);
        var passages = new List<Passage>();
        var start = 0;
        for (var ordinal = 0; ordinal < paragraphs.Length; ordinal++)
        {
            var end = start + paragraphs[ordinal].Length;
            passages.Add(new Passage(NameBasedId($"{id}/{ordinal}/{paragraphs[ordinal]}"), id, ordinal, null, paragraphs[ordinal], start, end));
            start = end + 2;
        }

        var contentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + text)));
        var article = new Article(
            new ArticleInfo(id, title, $"https://news.example/{id}", new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero), "Staff reporter"),
            text, contentHash, $"data/articles/{id}.md");
        return new ArticlePassages(article, passages);
    }

    /// <summary>An article of <paramref name="count"/> short numbered paragraphs, for builds spanning several batches.</summary>
    public static ArticlePassages Long(string id, int count) =>
        Create(id, "A long briefing", [.. Enumerable.Range(0, count).Select(i => $"Briefing note {i}: the delegations exchanged position papers on item {i}.")]);

    public static Passage Passage(ArticlePassages article, int ordinal) => article.Passages[ordinal];

    private static Guid NameBasedId(string name)
    {
        // A name-based UUID (hash of the name, version and variant bits set), stable like the chunker's.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
