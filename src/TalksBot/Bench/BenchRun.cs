using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Evaluation;
using TalksBot.Core.Passages;
using TalksBot.Core.Retrieval;
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

    // Untimed first questions: connection set-up, JIT, first-use caches.
    private const int WarmUpQuestions = 20;

    private readonly IEmbeddingGenerator<string, Embedding<float>> _embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
    private readonly QdrantIndexClient _client = services.GetRequiredService<QdrantIndexClient>();

    /// <summary>Writes the corpus: the article set itself, or about <paramref name="scale"/> passages made from it.</summary>
    public async Task WriteCorpusAsync(string articleSet, int? scale, CancellationToken cancellationToken)
    {
        var phase = progress.Start(scale is { } n ? $"Making {n} passages" : "Copying the article set", 1);
        var set = await services.GetRequiredService<ArticleLoader>().LoadDirectoryAsync(articleSet, cancellationToken);
        if (set.Articles.Count == 0)
            throw new IndexBuildException($"No usable article in {Path.GetFullPath(articleSet)} to bench with.");
        if (scale is { } size)
        {
            await SyntheticCorpus.WriteAsync(set.Articles, services.GetRequiredService<PassageChunker>(), size, index.ArticlesPath, cancellationToken);
        }
        else
        {
            foreach (var article in set.Articles)
                File.Copy(article.SourcePath, Path.Combine(index.ArticlesPath, Path.GetFileName(article.SourcePath)));
        }

        phase.Done();
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
        foreach (var batch in sample.Chunk(PassageIndexWriter.BatchSize))
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
        // Created as the ingest creates its collections, so the upsert is timed on the same shards and replicas.
        await services.GetRequiredService<PassageIndexWriter>().CreateScratchCollectionAsync(scratch, points[0].Vector.Dense.Length, cancellationToken);
        try
        {
            started = Stopwatch.GetTimestamp();
            foreach (var batch in points.Chunk(PassageIndexWriter.BatchSize))
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
    /// own. Before each ask, its parts are timed alone on the same question: the embedding, the raw hybrid query, the
    /// search layer (the same query plus reading the passages back) and the answerer on those passages. All five see
    /// the same load, so the difference between the ask and its parts is what answering itself adds.
    /// </summary>
    public async Task<(AskFigures Figures, AskBreakdown Breakdown)> AskAsync(IReadOnlyList<string> questions, int count, CancellationToken cancellationToken)
    {
        var ask = services.GetRequiredService<IAskService>();
        var search = services.GetRequiredService<IPassageSearch>();
        var answerer = services.GetRequiredService<IAnswerer>();
        var limit = services.GetRequiredService<AnsweringOptions>().RetrievalLimit;
        var alias = services.GetRequiredService<PassageIndexWriter>().Alias;
        var phase = progress.Start($"Asking {count} questions", WarmUpQuestions + count);
        var timings = new List<TimeSpan>[5];
        for (var t = 0; t < timings.Length; t++)
            timings[t] = new List<TimeSpan>(count);
        for (var n = 0; n < WarmUpQuestions + count; n++)
        {
            var question = questions[n % questions.Count];
            var marks = new long[6];
            marks[0] = Stopwatch.GetTimestamp();
            var vector = await _embedder.GenerateVectorAsync(question, cancellationToken: cancellationToken);
            marks[1] = Stopwatch.GetTimestamp();
            await _client.QueryHybridAsync(alias, QdrantPassageSearch.HybridQueryFor(question, vector, limit), cancellationToken);
            marks[2] = Stopwatch.GetTimestamp();
            var retrieved = await search.SearchAsync(new PassageQuery(question, vector), limit, cancellationToken);
            marks[3] = Stopwatch.GetTimestamp();
            await answerer.AnswerAsync(new AnswerRequest(question, retrieved, [], vector), cancellationToken);
            marks[4] = Stopwatch.GetTimestamp();
            var result = await ask.AskAsync(new AskRequest(question, string.Create(CultureInfo.InvariantCulture, $"bench/{n}")), cancellationToken);
            marks[5] = Stopwatch.GetTimestamp();
            if (ReferenceEquals(result.Answer, Answer.IndexUnavailable))
                throw new IndexBuildException("The bench index stopped answering mid-run: Qdrant is unavailable.");
            if (n >= WarmUpQuestions)
            {
                for (var t = 0; t < timings.Length; t++)
                    timings[t].Add(Stopwatch.GetElapsedTime(marks[t], marks[t + 1]));
            }

            phase.Advance(1);
        }

        foreach (var list in timings)
            list.Sort();
        var (embeds, queries, searches, answers, asks) = (timings[0], timings[1], timings[2], timings[3], timings[4]);
        return (new AskFigures(count, Ms(asks, 50), Ms(asks, 95), Ms(asks, 99), Ms(embeds, 50), Ms(queries, 50)),
            new AskBreakdown(Ms(searches, 50), Ms(answers, 50), [.. timings[..4].Select(t => Ms(t, 95))]));
    }

    private static double Ms(List<TimeSpan> sorted, double percentile) => LatencySummary.NearestRank(sorted, percentile).TotalMilliseconds;

    private async Task<List<(Article Article, Passage Passage)>> SampleAsync(CancellationToken cancellationToken)
    {
        var set = await services.GetRequiredService<ArticleLoader>().LoadDirectoryAsync(index.ArticlesPath, cancellationToken);
        var chunker = services.GetRequiredService<PassageChunker>();
        // Whole batches of neighbouring passages, as the ingest embeds them (a sentence two overlapping passages share is
        // embedded once per batch), spread over the corpus rather than its first articles: passages differ in length
        // from article to article, and the ratio to the ingest's rate is only fair when both see the same mix.
        var batches = set.Articles.SelectMany(a => chunker.Chunk(a).Select(p => (a, p))).Chunk(PassageIndexWriter.BatchSize).ToList();
        var wanted = Math.Max(1, SampleSize / PassageIndexWriter.BatchSize);
        var step = Math.Max(1, batches.Count / wanted);
        return [.. batches.Where((_, i) => i % step == 0).Take(wanted).SelectMany(b => b)];
    }
}
