using TalksBot.Core.Retrieval;
using TalksBot.Core.Text;

namespace TalksBot.Core.Answering.Ranking;

/// <summary>
/// Turns the sentences of the retrieved passages into candidates with features that mean the same on any article set:
/// lexical match weighted by how rare each word is among the candidates, semantic similarity from the stored sentence
/// vectors, the fit of the kind of answer asked for, the proximity of the matched words, what the neighbouring sentences
/// add ("He said ..." after the sentence naming him) and the passage's retrieval rank. Weights come from a fitted model.
/// </summary>
internal static class SentenceFeatures
{
    /// <summary>Feature names, in vector order; a weights file names them so a changed list cannot load stale weights.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "lexical", "lexical_with_neighbours", "lexical_gap_to_best", "semantic", "semantic_gap_to_best", "semantic_rank",
        "lexical_rank", "passage_rank", "answer_type_in_sentence", "answer_type_in_neighbour", "proximity", "novelty",
        "question_entities_missing", "length", "opens_article", "proper_name_match", "bigram_match", "lexical_previous",
        "lexical_next", "semantic_best_neighbour", "rarest_term_missing", "answer_type_and_lexical",
        "answer_type_near_match", "names_a_person",
    ];

    /// <summary>The index of "answer_type_in_sentence".</summary>
    public const int AnswerTypeInSentence = 8;

    /// <summary>The index of "answer_type_near_match".</summary>
    public const int AnswerTypeNearMatch = 22;

    // Fewer words than this is a heading, a byline or a table cell: context for the next sentence, never an answer.
    private const int MinimumWords = 4;

    /// <param name="equivalents">Words that name the same thing as a question word in this domain ("us", "american",
    /// "washington" for one side; a synonym group): a sentence using any of them matches it.</param>
    public static List<RankedSentence> Build(QuestionContext question, IReadOnlyList<RetrievedPassage> passages, Func<string, bool> isInstruction,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? equivalents = null)
    {
        var seen = new HashSet<(string, int)>();
        var raw = new List<(RetrievedPassage Source, IReadOnlyList<TextSegment> Sentences, int Index, string[] Terms, string[] Neighbours, string[] Previous, string[] Next)>();
        // Each sentence is read into words and stems once: it is a candidate and the neighbour of two others. Its keys are
        // every word the passages write.
        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var passage in passages.OrderBy(p => p.Rank))
        {
            var sentences = SentenceSplitter.Split(passage.Passage.Text);
            var words = sentences.Select(s => WordTokenizer.Words(s.Text)).ToArray();
            var terms = words.Select(w => w.Select(word => Stem(stems, word)).ToArray()).ToArray();
            for (var i = 0; i < sentences.Count; i++)
            {
                var sentence = sentences[i];
                if (!seen.Add((passage.Passage.ArticleId, passage.Passage.Start + sentence.Start))
                    || words[i].Count < MinimumWords
                    || TextBlockParser.IsHeadingLike(sentence.Text)
                    || isInstruction(sentence.Text))
                    continue;
                var previous = i > 0 ? terms[i - 1] : [];
                var next = i + 1 < sentences.Count ? terms[i + 1] : [];
                raw.Add((passage, sentences, i, terms[i], [.. previous, .. next], previous, next));
            }
        }

        if (raw.Count == 0)
            return [];

        // How rare each question term is among the candidates: a word in every sentence ("oxygen" in an article about
        // oxygen) tells them apart no better than "the". BM25's idf, which stays positive.
        var vocabulary = raw.SelectMany(r => r.Terms).Distinct(StringComparer.Ordinal).ToList();
        var typed = TypedForms(question.Text, stems);
        TermMatcher Matcher(string term) => new(term, vocabulary, typed.GetValueOrDefault(term) ?? [], stems, equivalents?.GetValueOrDefault(term));
        var matchers = question.Terms.Select(Matcher).ToList();
        var idf = matchers.Select(m =>
        {
            var df = raw.Count(r => m.MatchesAny(r.Terms));
            return Math.Log(1 + ((raw.Count - df + 0.5) / (df + 0.5)));
        }).ToArray();
        var entityMatchers = question.Entities.ToDictionary(e => e, e => question.Terms.Contains(e)
            ? matchers[question.Terms.ToList().IndexOf(e)]
            : Matcher(e), StringComparer.Ordinal);
        var totalIdf = idf.Sum();
        var maxIdf = idf.DefaultIfEmpty(0).Max();

        var candidates = new List<RankedSentence>(raw.Count);
        var lexical = new double[raw.Count];
        var semantic = new double[raw.Count];
        for (var c = 0; c < raw.Count; c++)
        {
            var (source, sentences, index, terms, neighbours, previous, next) = raw[c];
            var segment = sentences[index];
            var matched = matchers.Select(m => m.MatchesAny(terms)).ToArray();
            var matchedWithNeighbours = matchers.Select((m, q) => matched[q] || m.MatchesAny(neighbours)).ToArray();
            lexical[c] = totalIdf == 0 ? 0 : Weighted(idf, matched) / totalIdf;
            semantic[c] = question.Vector is { } v && source.SentenceVectors is { } stored && index < stored.Count && stored.Dimensions == v.Length
                ? stored.Cosine(index, v.Span) : 0;
            var typeInSentence = HasAnswerType(question, segment.Text);
            var typeInNeighbour = !typeInSentence && new[] { index - 1, index + 1 }
                .Any(j => j >= 0 && j < sentences.Count && HasAnswerType(question, sentences[j].Text));
            var contentTerms = terms.Where(QuestionReader.IsContentWord).Distinct(StringComparer.Ordinal).ToList();
            var features = new double[Names.Count];
            features[0] = lexical[c];
            features[1] = totalIdf == 0 ? 0 : Weighted(idf, matchedWithNeighbours) / totalIdf;
            features[3] = semantic[c];
            features[7] = 1.0 / (1 + source.Rank);
            features[8] = typeInSentence ? 1 : 0;
            features[9] = typeInNeighbour ? 1 : 0;
            features[10] = Proximity(matchers, terms);
            features[11] = contentTerms.Count == 0 ? 0 : contentTerms.Count(t => !matchers.Any(m => m.Matches(t))) / (double)contentTerms.Count;
            // A name or figure the question gave, in any of its forms ("U.S." is "American"), that neither the sentence
            // nor its neighbours hold: the mark of a question about someone or something else.
            features[12] = question.Entities.Count == 0 ? 0
                : question.Entities.Count(e => !(entityMatchers[e].MatchesAny(terms) || entityMatchers[e].MatchesAny(neighbours))) / (double)question.Entities.Count;
            features[13] = Math.Log(1 + terms.Length);
            features[14] = source.Passage.Ordinal == 0 && index == 0 ? 1 : 0;
            features[15] = matchers.Count == 0 ? 0 : ProperNameMatches(matchers, segment.Text) / (double)matchers.Count;
            features[16] = BigramMatch(question.Bigrams, terms);
            features[17] = totalIdf == 0 ? 0 : Weighted(idf, [.. matchers.Select(m => m.MatchesAny(previous))]) / totalIdf;
            features[18] = totalIdf == 0 ? 0 : Weighted(idf, [.. matchers.Select(m => m.MatchesAny(next))]) / totalIdf;
            features[19] = question.Vector is { } qv && source.SentenceVectors is { } sv && sv.Dimensions == qv.Length
                ? new[] { index - 1, index + 1 }.Where(j => j >= 0 && j < sv.Count).Select(j => sv.Cosine(j, qv.Span)).DefaultIfEmpty(0).Max() : 0;
            features[20] = maxIdf == 0 ? 0 : idf.Where((_, q) => !matchedWithNeighbours[q]).DefaultIfEmpty(0).Max() / maxIdf;
            features[21] = features[8] * lexical[c];
            features[22] = AnswerNearMatch(question, segment.Text, matchers);
            // A who-question is answered by a person the question does not already name.
            features[23] = question.Answers == AnswerType.Name && AnswerTypeDetector.People(segment.Text)
                .Any(name => WordTokenizer.Terms(name).Any(t => QuestionReader.IsContentWord(t) && !question.Terms.Contains(t))) ? 1 : 0;
            var neighbourSegments = new[] { index - 1, index + 1 }.Where(j => j >= 0 && j < sentences.Count).Select(j => sentences[j]).ToList();
            candidates.Add(new RankedSentence(source, segment, index, neighbourSegments, features));
        }

        var bestLexical = lexical.Max();
        var bestSemantic = semantic.Max();
        var lexicalRanks = Ranks(lexical);
        var semanticRanks = Ranks(semantic);
        for (var c = 0; c < candidates.Count; c++)
        {
            var f = candidates[c].Features;
            f[2] = lexical[c] - bestLexical;
            f[4] = semantic[c] - bestSemantic;
            f[5] = 1.0 / (1 + semanticRanks[c]);
            f[6] = 1.0 / (1 + lexicalRanks[c]);
        }

        return candidates;
    }

    private static string Stem(Dictionary<string, string> stems, string word)
    {
        if (!stems.TryGetValue(word, out var stem))
            stems[word] = stem = WordTokenizer.Stem(word);
        return stem;
    }

    // The words of the question as typed that the passages never write, by their stem: a slip is judged on what was typed,
    // as stemming shortens a word below the length a slip needs ("midle" stems to "midl", which no longer looks like
    // "middl"). A word the passages do write is no slip.
    private static Dictionary<string, List<string>> TypedForms(string question, Dictionary<string, string> written)
    {
        var forms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var word in WordTokenizer.Words(question).Where(w => QuestionReader.IsContentWord(w) && !written.ContainsKey(w)))
        {
            var stem = WordTokenizer.Stem(word);
            if (!forms.TryGetValue(stem, out var list))
                forms[stem] = list = [];
            if (!list.Contains(word, StringComparer.Ordinal))
                list.Add(word);
        }

        return forms;
    }

    // Share of the question's word pairs ("oil crisis", "bad air") that the sentence holds side by side.
    private static double BigramMatch(IReadOnlyList<(string, string)> bigrams, string[] terms)
    {
        if (bigrams.Count == 0)
            return 0;
        var pairs = new HashSet<(string, string)>();
        for (var i = 0; i + 1 < terms.Length; i++)
            pairs.Add((terms[i], terms[i + 1]));
        return bigrams.Count(pairs.Contains) / (double)bigrams.Count;
    }

    private static double Weighted(double[] idf, bool[] matched)
    {
        var sum = 0.0;
        for (var i = 0; i < idf.Length; i++)
            sum += matched[i] ? idf[i] : 0;
        return sum;
    }

    // The kind of answer asked for, in words the question does not already hold: "Who met Lavrov?" is not answered by
    // the name Lavrov.
    private static bool HasAnswerType(QuestionContext question, string text) =>
        question.Answers != AnswerType.None
        && AnswerTypeDetector.Values(question.Answers, text)
            .Any(value => WordTokenizer.Terms(value).Any(t => QuestionReader.IsContentWord(t) && !question.Terms.Contains(t)));

    // How close the kind of answer asked for sits to the question's words in the sentence: the name next to "led", not
    // any name anywhere in it. 1 / (1 + words between them); 0 without both.
    private static double AnswerNearMatch(QuestionContext question, string text, List<TermMatcher> matchers)
    {
        if (question.Answers == AnswerType.None)
            return 0;
        var spans = AnswerTypeDetector.Find(question.Answers, text)
            .Where(s => WordTokenizer.Terms(text[s.Start..s.End]).Any(t => QuestionReader.IsContentWord(t) && !question.Terms.Contains(t)))
            .ToList();
        if (spans.Count == 0)
            return 0;
        var tokens = RawTokenizer.Tokens(text);
        var matched = tokens.Select((t, i) => (t, i)).Where(x => WordTokenizer.Terms(x.t.Text).Any(term => matchers.Any(m => m.Matches(term)))).Select(x => x.i).ToList();
        if (matched.Count == 0)
            return 0;
        var best = int.MaxValue;
        foreach (var (start, end) in spans)
        {
            var first = tokens.Select((t, i) => (t, i)).Where(x => x.t.End > start && x.t.Start < end).Select(x => x.i).ToList();
            if (first.Count == 0)
                continue;
            foreach (var m in matched)
            {
                var gap = m < first[0] ? first[0] - m - 1 : m > first[^1] ? m - first[^1] - 1 : 0;
                best = Math.Min(best, gap);
            }
        }

        return best == int.MaxValue ? 0 : 1.0 / (1 + best);
    }

    // How close together the matched question words sit: distinct matches over the span they cover, 0 for fewer than two.
    private static double Proximity(List<TermMatcher> matchers, string[] terms)
    {
        var positions = new List<(int Position, int Term)>();
        for (var p = 0; p < terms.Length; p++)
        {
            for (var q = 0; q < matchers.Count; q++)
            {
                if (matchers[q].Matches(terms[p]))
                    positions.Add((p, q));
            }
        }

        var distinct = positions.Select(x => x.Term).Distinct().Count();
        if (distinct < 2)
            return 0;
        // The shortest window holding every distinct matched term.
        var best = int.MaxValue;
        var counts = new Dictionary<int, int>();
        var left = 0;
        for (var right = 0; right < positions.Count; right++)
        {
            counts[positions[right].Term] = counts.GetValueOrDefault(positions[right].Term) + 1;
            while (counts.Count == distinct)
            {
                best = Math.Min(best, positions[right].Position - positions[left].Position + 1);
                var term = positions[left].Term;
                if (--counts[term] == 0)
                    counts.Remove(term);
                left++;
            }
        }

        return distinct / (double)best;
    }

    // Question words that meet a capitalised word of the sentence: a name matched whatever case the asker typed it in.
    private static int ProperNameMatches(List<TermMatcher> matchers, string text)
    {
        var names = RawTokenizer.Tokens(text).Skip(1).Where(t => t.IsCapitalized).SelectMany(t => WordTokenizer.Terms(t.Text)).ToList();
        return matchers.Count(m => names.Any(m.Matches));
    }

    private static int[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderByDescending(i => values[i]).ToArray();
        var ranks = new int[values.Length];
        for (var r = 0; r < order.Length; r++)
            ranks[order[r]] = r;
        return ranks;
    }

    /// <summary>One question term and the candidates' words it meets: itself, or a slip of a letter from it as stemmed or as typed.</summary>
    private sealed class TermMatcher
    {
        private readonly HashSet<string> _forms;

        /// <param name="vocabulary">The candidates' stemmed words.</param>
        /// <param name="typed">The question's words, unstemmed, that stem to <paramref name="term"/> and the passages never write.</param>
        /// <param name="written">The passages' words, unstemmed, each with its stem.</param>
        public TermMatcher(string term, IEnumerable<string> vocabulary, IReadOnlyList<string> typed, IReadOnlyDictionary<string, string> written,
            IReadOnlySet<string>? equivalents)
        {
            _forms = vocabulary.Where(w => Spelling.Matches(term, w)).ToHashSet(StringComparer.Ordinal);
            if (typed.Count > 0)
            {
                foreach (var (word, stem) in written)
                {
                    if (typed.Any(t => Spelling.Matches(t, word)))
                        _forms.Add(stem);
                }
            }

            _forms.Add(term);
            if (equivalents is not null)
                _forms.UnionWith(equivalents);
        }

        public bool Matches(string word) => _forms.Contains(word);

        public bool MatchesAny(string[] words) => words.Any(_forms.Contains);
    }
}
