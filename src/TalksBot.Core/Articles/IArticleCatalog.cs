namespace TalksBot.Core.Articles;

/// <summary>The article set currently being served (for <c>/sources</c> and <c>articles list</c>).</summary>
public interface IArticleCatalog
{
    /// <summary>The served articles, ordered by id.</summary>
    Task<IReadOnlyList<ArticleInfo>> ListAsync(CancellationToken cancellationToken);
}
