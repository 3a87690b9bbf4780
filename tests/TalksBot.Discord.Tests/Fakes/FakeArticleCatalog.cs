using TalksBot.Core.Articles;

namespace TalksBot.Discord.Tests.Fakes;

internal sealed class FakeArticleCatalog(IReadOnlyList<ArticleInfo> articles) : IArticleCatalog
{
    public Task<IReadOnlyList<ArticleInfo>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(articles);
}
