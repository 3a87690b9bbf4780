using Microsoft.Extensions.AI;
using TalksBot.Core.Embeddings;
using TalksBot.Core.Passages;
using TalksBot.Core.Text;

namespace TalksBot.Qdrant.Index;

/// <summary>
/// What the index embeds for a batch of passages: every distinct sentence once, plus a section heading the passage's
/// text does not start with. A passage's vector is the normalised mean of its texts' vectors. Public so that
/// <c>talksbot bench</c> times the model on exactly the texts an ingest embeds.
/// </summary>
public sealed class PassageSentenceLayout
{
    private readonly List<int[]> _slots;
    private readonly List<bool> _withHeading;

    private PassageSentenceLayout(List<string> texts, List<int[]> slots, List<bool> withHeading)
    {
        Texts = texts;
        _slots = slots;
        _withHeading = withHeading;
    }

    /// <summary>The distinct texts to embed, in first-seen order.</summary>
    public IReadOnlyList<string> Texts { get; }

    /// <summary>Lays out the texts of <paramref name="passages"/>.</summary>
    public static PassageSentenceLayout Create(IEnumerable<Passage> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        // Overlapping passages share a sentence and a section's passages share its heading: each distinct text is
        // embedded once, which is most of the cost of indexing.
        var texts = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var layout = new List<int[]>();
        var headings = new List<bool>();
        foreach (var passage in passages)
        {
            var parts = SentenceSplitter.Split(passage.Text).Select(s => s.Text).ToList();
            var sentences = parts.Count;
            var heading = passage.Heading is { } h && !passage.Text.StartsWith(h, StringComparison.Ordinal);
            if (heading || sentences == 0)
                parts.Add(sentences == 0 ? passage.SearchText : passage.Heading!);
            layout.Add([.. parts.Select(text =>
            {
                if (!seen.TryGetValue(text, out var slot))
                {
                    slot = texts.Count;
                    seen.Add(text, slot);
                    texts.Add(text);
                }

                return slot;
            })]);
            headings.Add(heading || sentences == 0);
        }

        return new PassageSentenceLayout(texts, layout, headings);
    }

    /// <summary>Each passage's vector and sentence vectors, from the embeddings of <see cref="Texts"/> in order.</summary>
    public IReadOnlyList<(float[] Vector, SentenceVectors? Sentences)> Combine(IReadOnlyList<Embedding<float>> embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        return [.. _slots.Select((slotsOfPassage, p) =>
        {
            var all = slotsOfPassage.Select(slot => embeddings[slot].Vector).ToList();
            var sentences = _withHeading[p] ? all.GetRange(0, all.Count - 1) : all;
            return (SentenceVectors.Centroid(all), sentences.Count > 0 ? SentenceVectors.From(sentences) : null);
        })];
    }
}
