using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Articles;

namespace TalksBot.Core.Tests.Articles;

/// <summary>The article set checked into data/articles, found by walking up to the solution.</summary>
internal static class SeedArticles
{
    public const string WithTable = "001_b9eb4489ecf82cc8";
    public const string WithHeadingTitle = "002_afd850a30078c760";

    public static string Directory { get; } = System.IO.Path.Combine(RepositoryRoot(), "data", "articles");

    private static readonly Lazy<Task<ArticleSet>> Set = new(() =>
        NewLoader().LoadDirectoryAsync(Directory, CancellationToken.None));

    public static IEnumerable<string> Ids =>
        System.IO.Directory.EnumerateFiles(Directory, "*.txt").Select(System.IO.Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static ArticleLoader NewLoader(long maxFileBytes = ArticleLoaderOptions.DefaultMaxFileBytes, params IArticleFileFormat[] extraFormats) =>
        new(new ArticleLoaderOptions { MaxFileBytes = maxFileBytes }, extraFormats, NullLogger<ArticleLoader>.Instance);

    public static async Task<Article> LoadAsync(string id)
    {
        var set = await Set.Value;
        return set.Articles.Single(a => a.Id == id);
    }

    public static string PathOf(string id) => System.IO.Path.Combine(Directory, id + ".txt");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TalksBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TalksBot.sln above {AppContext.BaseDirectory}.");
    }
}
