using TalksBot.Core.Articles;
using TalksBot.Core.Passages;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests.Answering;

// Builds retrieved passages from crafted article texts, each passage the whole text of its article.
internal static class Passages
{
    public static RetrievedPassage Of(string articleId, string text, int rank = 0, string? author = null, DateTimeOffset? published = null, string? url = null, string? title = null) =>
        new(
            new Passage(Guid.NewGuid(), articleId, 0, null, text, 0, text.Length),
            new ArticleInfo(articleId, title ?? $"Article {articleId}", url, published, author),
            1.0 / (rank + 1),
            rank);

    /// <summary>A passage that starts <paramref name="start"/> characters into its article.</summary>
    public static RetrievedPassage At(string articleId, string text, int start) =>
        new(
            new Passage(Guid.NewGuid(), articleId, 3, null, text, start, start + text.Length),
            new ArticleInfo(articleId, $"Article {articleId}", null, null, null),
            1.0,
            0);
}
