using TalksBot.Core.Articles;

namespace TalksBot.Qdrant.Index;

/// <summary>The served article set, read from the served collection's manifest.</summary>
internal sealed class QdrantArticleCatalog(PassageIndexWriter writer) : IArticleCatalog
{
    public async Task<IReadOnlyList<ArticleInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var manifest = await writer.GetServingManifestAsync(cancellationToken);
        return manifest is null
            ? []
            : [.. manifest.Articles.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => new ArticleInfo(a.Id, a.Title, a.Url, a.Published, a.Author))];
    }
}
