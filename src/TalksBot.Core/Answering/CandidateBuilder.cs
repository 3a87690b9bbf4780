using TalksBot.Core.Retrieval;
using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>Splits retrieved passages into candidate sentences, once each even where passages overlap.</summary>
internal sealed class CandidateBuilder(Lexicon lexicon, SideFinder sides)
{
    // Fewer words than this is a heading or a table cell: context for the next sentence, never an answer on its own.
    private const int MinimumWords = 4;

    public IReadOnlyList<SentenceCandidate> Build(IReadOnlyList<RetrievedPassage> passages)
    {
        var seen = new HashSet<(string, int)>();
        var articleTerms = passages
            .GroupBy(p => p.Passage.ArticleId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.SelectMany(p => WordTokenizer.Terms(p.Passage.Text)).ToHashSet(StringComparer.Ordinal));
        var candidates = new List<SentenceCandidate>();
        foreach (var passage in passages.OrderBy(p => p.Rank))
        {
            // An instruction written into an article is not about anything asked; it is neither an answer nor context.
            var sentences = SentenceSplitter.Split(passage.Passage.Text).Where(s => !lexicon.IsInstruction(s.Text)).ToList();
            var terms = sentences.Select(s => WordTokenizer.Terms(s.Text).ToHashSet(StringComparer.Ordinal)).ToList();
            var found = sentences.Select(s => sides.Find(s.Text)).ToList();
            for (var i = 0; i < sentences.Count; i++)
            {
                var sentence = sentences[i];
                if (!seen.Add((passage.Passage.ArticleId, passage.Passage.Start + sentence.Start))
                    || WordTokenizer.Words(sentence.Text).Count < MinimumWords
                    || TextBlockParser.IsHeadingLike(sentence.Text))
                {
                    continue;
                }

                var context = new HashSet<string>(StringComparer.Ordinal);
                var contextSides = new List<SideMention>();
                foreach (var j in new[] { i - 1, i + 1 }.Where(j => j >= 0 && j < sentences.Count))
                {
                    context.UnionWith(terms[j]);
                    contextSides.AddRange(found[j]);
                }

                candidates.Add(new SentenceCandidate(
                    passage, sentence, terms[i], context, i + 1 < sentences.Count ? sentences[i + 1] : null, found[i], contextSides, articleTerms[passage.Passage.ArticleId]));
            }
        }

        return candidates;
    }
}
