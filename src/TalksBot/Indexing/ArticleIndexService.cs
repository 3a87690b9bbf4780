using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;
using TalksBot.Core.Articles;
using TalksBot.Core.Passages;
using TalksBot.Qdrant.Index;

namespace TalksBot.Indexing;

/// <summary>Turns the article folder into the served Qdrant index: load, chunk, embed, build a new version, swap the alias.</summary>
internal sealed partial class ArticleIndexService(
    ArticleLoader loader,
    PassageChunker chunker,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    PassageIndexWriter writer,
    IOptions<ArticlesOptions> options,
    ILogger<ArticleIndexService> logger)
{
    /// <summary>Covers everything that changes the stored vectors, so a changed chunker or embedder means a rebuild, never mixed vectors.</summary>
    public string Fingerprint { get; } = BuildFingerprint(chunker, embedder);

    public string ArticlesPath => options.Value.FullPath;

    /// <summary>Loads the folder and builds a new index version from it, unless the served one was built from exactly these files.</summary>
    public async Task<IngestSummary> IngestAsync(string? directory, bool force, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var path = Path.GetFullPath(directory ?? options.Value.Path);
        if (!Directory.Exists(path))
            throw new DirectoryNotFoundException($"The article folder {path} does not exist (set Articles:Path or pass --path).");

        var set = await loader.LoadDirectoryAsync(path, cancellationToken);
        foreach (var skipped in set.Skipped)
            LogSkipped(skipped.Path, skipped.Reason);
        if (set.Articles.Count == 0)
            throw new IndexBuildException($"No usable article in {path}: nothing to index (skipped {set.Skipped.Count} file(s)).");

        var serving = await writer.GetServingManifestAsync(cancellationToken);
        if (!force && serving is not null && serving.Matches(Fingerprint, set.Articles))
        {
            return new IngestSummary(path, serving, set.Skipped, Stopwatch.GetElapsedTime(started), Rebuilt: false);
        }

        var articles = set.Articles.Select(a => new ArticlePassages(a, chunker.Chunk(a))).ToList();
        var total = articles.Sum(a => a.Passages.Count);
        IndexBuildResult result = null!;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"Indexing {total} passages", maxValue: Math.Max(total, 1));
                var progress = new SynchronousProgress<IndexBuildProgress>(p => task.Value = p.PassagesIndexed);
                result = await writer.BuildAsync(articles, embedder, Fingerprint, progress, cancellationToken);
                task.Value = total;
            });
        LogBuilt(result.Manifest.Collection, result.Manifest.ArticleCount, result.Manifest.PassageCount, result.Elapsed.TotalMilliseconds);
        return new IngestSummary(path, result.Manifest, set.Skipped, Stopwatch.GetElapsedTime(started), Rebuilt: true);
    }

    /// <summary>
    /// Makes sure there is an index to answer from. The first question on an empty machine builds it; after that the
    /// index changes only through an ingest or refresh, never as a side effect of asking.
    /// </summary>
    public async Task EnsureServingAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (await writer.GetServingManifestAsync(cancellationToken) is not null)
            return;
        LogBuildingInitialIndex(options.Value.FullPath);
        await IngestAsync(directory: null, force: false, console, cancellationToken);
    }

    private static string BuildFingerprint(PassageChunker chunker, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        var meta = embedder.GetService<EmbeddingGeneratorMetadata>();
        return $"chunker={chunker.Fingerprint};embedder={meta?.ProviderName}/{meta?.DefaultModelId}/{meta?.DefaultModelDimensions}";
    }

    [LoggerMessage(2001, LogLevel.Warning, "Skipped article file {Path}: {Reason}")]
    private partial void LogSkipped(string path, string reason);

    [LoggerMessage(2002, LogLevel.Information, "Serving {Collection}: {Articles} articles, {Passages} passages, built in {ElapsedMs:0} ms")]
    private partial void LogBuilt(string collection, int articles, int passages, double elapsedMs);

    [LoggerMessage(2003, LogLevel.Information, "No index yet: building the initial index from {Path}")]
    private partial void LogBuildingInitialIndex(string path);
}
