using System.Globalization;
using TalksBot.Core.Articles;
using TalksBot.Core.Passages;
using TalksBot.Core.Text;

namespace TalksBot.Bench;

/// <summary>
/// A corpus of about N passages made from the article set, for timing the index at a size the set does not reach.
/// Each synthetic article copies a source article's lines (headings and paragraph breaks, so the chunker cuts it into
/// passages the same way), and replaces every sentence by a splice: the first half of one source sentence's words and
/// the second half of another's. The words, their frequencies and the sentence lengths are the set's own, so BM25's
/// statistics and the embeddings stay realistic; the splices make almost every sentence distinct, so the embedder
/// cannot skip repeats (the index embeds each distinct sentence once) and the timing is the model's real cost. The
/// seed is fixed: a given N always gives the same corpus.
/// </summary>
internal static class SyntheticCorpus
{
    private const int Seed = 20_261_206;

    // Shorter segments are headings or fragments; they are kept as they are.
    private const int MinWordsToSplice = 6;

    /// <summary>Writes articles into <paramref name="folder"/> until they chunk into at least <paramref name="passages"/> passages.</summary>
    /// <returns>How many passages the written articles chunk into.</returns>
    public static async Task<int> WriteAsync(IReadOnlyList<Article> sources, PassageChunker chunker, int passages, string folder,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sources.Count);
        var pool = sources
            .SelectMany(a => SentenceSplitter.Split(a.Text).Select(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .Where(words => words.Length >= MinWordsToSplice)
            .ToArray();
        if (pool.Length < 2)
            throw new InvalidOperationException("The article set has too few sentences to make a synthetic corpus from.");

        var random = new Random(Seed);
        var written = 0;
        for (var n = 0; written < passages; n++)
        {
            var source = sources[n % sources.Count];
            var id = string.Create(CultureInfo.InvariantCulture, $"bench_{n:D6}");
            var text = string.Join('\n', source.Text.Split('\n').Select(line => Splice(line, pool, random)));
            written += chunker.Chunk(id, text).Count;
            await File.WriteAllTextAsync(Path.Combine(folder, id + ".txt"), text, cancellationToken);
        }

        return written;
    }

    private static string Splice(string line, string[][] pool, Random random)
    {
        var sentences = SentenceSplitter.Split(line);
        if (sentences.Count == 0 || sentences.All(s => s.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinWordsToSplice))
            return line;
        return string.Join(' ', sentences.Select(_ =>
        {
            var head = pool[random.Next(pool.Length)];
            var tail = pool[random.Next(pool.Length)];
            return string.Join(' ', head.Take(head.Length / 2).Concat(tail.Skip(tail.Length / 2)));
        }));
    }
}
