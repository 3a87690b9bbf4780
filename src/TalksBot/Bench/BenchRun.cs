using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Evaluation;
using TalksBot.Core.Passages;
using TalksBot.Indexing;
using TalksBot.Qdrant;
using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Store;

namespace TalksBot.Bench;

/// <summary>
/// One bench run in one process, against its own index: the corpus is written, the embedder and the raw upsert are timed
/// alone on a sample, the whole ingest is timed, then the questions are asked with each one's embedding and raw Qdrant
/// query timed beside it, so every ratio compares figures taken under the same load.
/// </summary>
internal sealed class BenchRun(IServiceProvider services, EvaluationIndex index, BenchProgress progress)
{
    // Enough passages for a steady rate (about 10–20 s of the model on 2 cores) without doubling the run at 10k.
    private const int SampleSize = 1024;

    // The index's own batch size (PassageIndexWriter): the sample is embedded and upserted as an ingest does it.
    private const int BatchSize = 64;

    // Untimed first questions: connection set-up, JIT, first-use caches.
    private const int WarmUpQuestions = 20;

    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
    private readonly QdrantIndexClient _client = services.GetRequiredService<QdrantIndexClient>();

    /// <summary>Writes the corpus: the article set itself, or about <paramref name="scale"/> passages made from it.</summary>
    /// <returns>The passages the corpus chunks into.</returns>
    public async Task<int> WriteCorpusAsync(string articleSet, int? scale, CancellationToken cancellationToken)
    {
        var phase = progress.Start(scale is { } n ? $"Making {n} passages" : "Copying the article set", 1);
        var set = await services.GetRequiredService<ArticleLoader>().LoadDirectoryAsync(articleSet, cancellationToken);
        if (set.Articles.Count == 0)
            throw new IndexBuildException($"No usable article in {Path.GetFullPath(articleSet)} to bench with.");
        var chunker = services.GetRequiredService<PassageChunker>();
        int passages;
        if (scale is { } size)
        {
            passages = await SyntheticCorpus.WriteAsync(set.Articles, chunker, size, index.ArticlesPath, cancellationToken);
        }
        else
        {
            foreach (var article in set.Articles)
                File.Copy(article.SourcePath, Path.Combine(index.ArticlesPath, Path.GetFileName(article.SourcePath)));
            passages = set.Articles.Sum(a => chunker.Chunk(a).Count);
        }

        phase.Done();
        return passages;
    }

    /// <summary>Times the model alone, then upserting the resulting points alone, on the first passages of the corpus.</summary>
    public async Task<(double EmbedderPerSecond, double RawUpsertPerSecond)> TimeEmbedderAndUpsertAsync(CancellationToken cancellationToken)
    {
        var sample = await SampleAsync(cancellationToken);
        // The model's load is not throughput: it happens once, before the first question.
        await _embedder.GenerateAsync(["warm-up"], cancellationToken: cancellationToken);

        var embedding = progress.Start($"Embedder alone, {sample.Count} passages", sample.Count);
        var points = new List<PassagePoint>(sample.Count);
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in sample.Chunk(BatchSize))
        {
            var layout = PassageSentenceLayout.Create(batch.Select(b => b.Passage));
            var embeddings = await _embedder.GenerateAsync(layout.Texts, cancellationToken: cancellationToken);
            var combined = layout.Combine(embeddings);
            for (var i = 0; i < batch.Length; i++)
            {
                var (article, passage) = batch[i];
                points.Add(PassageIndexWriter.ToPoint(article, passage, combined[i].Vector, combined[i].Sentences));
            }

            embedding.Advance(batch.Length);
        }

        var embedderPerSecond = sample.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;
        embedding.Done();

        var upserting = progress.Start($"Raw upsert, {sample.Count} passages", sample.Count);
        // A scratch collection under the bench's own prefix, outside the versions the writer manages; deleted here.
        var scratch = services.GetRequiredService<IOptions<QdrantOptions>>().Value.CollectionPrefix + "_raw";
        await _client.CreateCollectionAsync(scratch, points[0].Vector.Dense.Length, metadata: null, cancellationToken);
        try
        {
            await _client.CreateKeywordIndexAsync(scratch, "article_id", wait: true, cancellationToken);
            await _client.CreateKeywordIndexAsync(scratch, "article_hash", wait: true, cancellationToken);
            started = Stopwatch.GetTimestamp();
            foreach (var batch in points.Chunk(BatchSize))
            {
                await _client.UpsertAsync(scratch, batch, cancellationToken);
                upserting.Advance(batch.Length);
            }

            var upsertPerSecond = points.Count / Stopwatch.GetElapsedTime(started).TotalSeconds;
            upserting.Done();
            return (embedderPerSecond, upsertPerSecond);
        }
        finally
        {
            await _client.DeleteCollectionAsync(scratch, CancellationToken.None);
        }
    }

    /// <summary>The whole ingest of the corpus into the bench's index, as <c>ingest</c> runs it.</summary>
    public async Task<(int Passages, double PerSecond)> IngestAsync(CancellationToken cancellationToken)
    {
        var phase = progress.Start("Ingest", 1);
        var summary = await index.BuildAsync(services, new SynchronousProgress<RefreshStatus>(s => phase.Report(s.PassagesDone, s.PassagesTotal)), cancellationToken);
        phase.Done();
        return (summary.PassageCount, summary.PassageCount / summary.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Asks <paramref name="count"/> questions, cycling through <paramref name="questions"/>, each in a conversation of its
    /// own. Before each ask its embedding alone and the raw hybrid query alone are timed, so the three see the same load.
    /// </summary>
    public async Task<AskFigures> AskAsync(IReadOnlyList<string> questions, int count, CancellationToken cancellationToken)
    {
        var ask = services.GetRequiredService<IAskService>();
        var limit = services.GetRequiredService<AnsweringOptions>().RetrievalLimit;
        var alias = services.GetRequiredService<PassageIndexWriter>().Alias;
        var phase = progress.Start($"Asking {count} questions", WarmUpQuestions + count);
        var (asks, embeds, queries) = (new List<TimeSpan>(count), new List<TimeSpan>(count), new List<TimeSpan>(count));
        for (var n = 0; n < WarmUpQuestions + count; n++)
        {
            var question = questions[n % questions.Count];
            var started = Stopwatch.GetTimestamp();
            var vector = await _embedder.GenerateVectorAsync(question, cancellationToken: cancellationToken);
            var embedded = Stopwatch.GetTimestamp();
            await _client.QueryHybridAsync(alias, QdrantPassageSearch.HybridQueryFor(question, vector, limit), cancellationToken);
            var queried = Stopwatch.GetTimestamp();
            var result = await ask.AskAsync(new AskRequest(question, string.Create(CultureInfo.InvariantCulture, $"bench/{n}")), cancellationToken);
            var answered = Stopwatch.GetTimestamp();
            if (ReferenceEquals(result.Answer, Answer.IndexUnavailable))
                throw new IndexBuildException("The bench index stopped answering mid-run: Qdrant is unavailable.");
            if (n >= WarmUpQuestions)
            {
                embeds.Add(Stopwatch.GetElapsedTime(started, embedded));
                queries.Add(Stopwatch.GetElapsedTime(embedded, queried));
                asks.Add(Stopwatch.GetElapsedTime(queried, answered));
            }

            phase.Advance(1);
        }

        asks.Sort();
        embeds.Sort();
        queries.Sort();
        return new AskFigures(count, Ms(asks, 50), Ms(asks, 95), Ms(asks, 99), Ms(embeds, 50), Ms(queries, 50));
    }

    private static double Ms(List<TimeSpan> sorted, double percentile) => LatencySummary.NearestRank(sorted, percentile).TotalMilliseconds;

    private async Task<List<(Article Article, Passage Passage)>> SampleAsync(CancellationToken cancellationToken)
    {
        var set = await services.GetRequiredService<ArticleLoader>().LoadDirectoryAsync(index.ArticlesPath, cancellationToken);
        var chunker = services.GetRequiredService<PassageChunker>();
        return [.. set.Articles.SelectMany(a => chunker.Chunk(a).Select(p => (a, p))).Take(SampleSize)];
    }
}
