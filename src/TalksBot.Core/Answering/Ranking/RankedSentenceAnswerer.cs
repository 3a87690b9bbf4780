using System.Globalization;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering.Ranking;

/// <summary>
/// Answers from the retrieved passages without a generative model: reads the question once, ranks every candidate
/// sentence with fitted weights over general features, and answers with the best sentence (and the neighbour that
/// completes it) when the abstention model is confident enough — or says the articles don't cover it. Where articles
/// describe different events that fit the question, each gets its own answer and citation.
/// Question and passage text are data: instructions in either are never followed.
/// </summary>
public sealed partial class RankedSentenceAnswerer : IAnswerer
{
    /// <summary>What the reader gets for a question in another language.</summary>
    public const string EnglishOnlyText = "I answer questions in English, from English-language articles. Please ask again in English.";

    // An answer quotes at most this much: two sentences of news prose, and a Discord message that reads at a glance.
    private const int MaxAnswerLength = 400;

    // A second event is told beside the first when its evidence is at least this share of the first's: comparable
    // support, not a distant runner-up.
    private const double ComparableEvidence = 0.5;

    // "Beside" is at most two words between the name and a word of the question ("represented by Secretary of State
    // Marco Rubio": the title opens the name): answer_type_near_match is 1 / (1 + words between).
    private const double NamedBeside = 1.0 / 3;

    private static readonly HashSet<string> Anaphors = new(StringComparer.OrdinalIgnoreCase)
    {
        "he", "she", "it", "they", "this", "these", "that", "those", "his", "her", "its", "their", "there", "such", "both",
    };

    // Nouns by which a question asks about an article itself rather than about what it reports.
    private static readonly HashSet<string> ArticleWords = new(StringComparer.Ordinal) { "article", "articles", "piece", "story", "post", "column" };

    private readonly Lexicon _lexicon;
    private readonly QuestionReader _reader;
    private readonly SentenceRanker _ranker;
    private readonly CandidateBuilder _candidates;
    private readonly TableCellAnswerer _tables;
    private readonly ArticleMetadataAnswerer _metadata;
    private readonly ILogger<RankedSentenceAnswerer> _logger;
    private readonly Dictionary<string, IReadOnlySet<string>> _equivalents;

    /// <summary>Creates the answerer over a loaded lexicon and the fitted weights at <paramref name="weightsPath"/>.</summary>
    /// <exception cref="RankerModelException">The weights file is missing or unusable.</exception>
    public RankedSentenceAnswerer(Lexicon lexicon, string weightsPath, ILogger<RankedSentenceAnswerer> logger)
        : this(lexicon, RankerModel.Load(weightsPath), logger)
    {
    }

    internal RankedSentenceAnswerer(Lexicon lexicon, RankerModel model, ILogger<RankedSentenceAnswerer> logger)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(logger);
        _lexicon = lexicon;
        var sides = new SideFinder(lexicon);
        var matcher = new TermMatcher(lexicon);
        _reader = new QuestionReader(new QuestionAnalyzer(lexicon, sides));
        _ranker = new SentenceRanker(model);
        _candidates = new CandidateBuilder(lexicon, sides);
        _tables = new TableCellAnswerer(matcher, sides);
        _metadata = new ArticleMetadataAnswerer(matcher);
        _logger = logger;
        _equivalents = Equivalents(lexicon);
    }

    // The lexicon's one-word names of each side and its synonym groups, stemmed: "U.S." in a question meets "American".
    private static Dictionary<string, IReadOnlySet<string>> Equivalents(Lexicon lexicon)
    {
        var groups = lexicon.Sides.Select(s => s.Aliases.Append(s.Name))
            .Concat(lexicon.SynonymGroups)
            .Select(g => g.Select(Text.WordTokenizer.Terms).Where(t => t.Count == 1).Select(t => t[0]).ToHashSet(StringComparer.Ordinal))
            .Where(g => g.Count > 1);
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var term in group)
            {
                if (!map.TryGetValue(term, out var set))
                    map[term] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(group);
            }
        }

        return map.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>Loads the weights file as the answerer would, to fail at start-up rather than at the first question.</summary>
    /// <exception cref="RankerModelException">The weights file is missing or unusable.</exception>
    public static void CheckWeights(string weightsPath) => RankerModel.Load(weightsPath);

    /// <inheritdoc />
    public string Name => AnswerFactory.AnswererName;

    /// <inheritdoc />
    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var question = _reader.Read(request.Question, request.QuestionVector);
        return Task.FromResult(Answer(question, request.Passages));
    }

    /// <summary>The question as read and its candidate sentences with their features, unranked: what <c>talksbot fit</c> learns from.</summary>
    internal (QuestionContext Question, List<RankedSentence> Candidates) Candidates(AnswerRequest request)
    {
        var question = _reader.Read(request.Question, request.QuestionVector);
        return (question, SentenceFeatures.Build(question, request.Passages, _lexicon.IsInstruction, _equivalents));
    }

    private Answer Answer(QuestionContext question, IReadOnlyList<RetrievedPassage> passages)
    {
        if (question.IsForeign)
        {
            LogForeign();
            return AnswerFactory.Abstain(EnglishOnlyText);
        }

        if (question.IsInjection)
        {
            LogRefused();
            return AnswerFactory.Abstain(AnswerFactory.RefusedText);
        }

        // "Who wrote the article ...?" asks the metadata, which may not say; "Who wrote 'The American War'?" asks the text
        // unless the metadata answers it.
        if (ArticleMetadataAnswerer.IsMetadata(question.Analysis.Kind)
            && _metadata.Answer(question.Analysis, _candidates.Build(passages)) is var aboutArticle
            && (!aboutArticle.Abstained || Text.WordTokenizer.Words(question.Text).Any(ArticleWords.Contains)))
            return aboutArticle;
        if (_tables.TryAnswer(question.Analysis, passages) is { } fromTable)
            return fromTable;

        var ranked = NamesTheDoerFirst(question, _ranker.Rank(SentenceFeatures.Build(question, passages, _lexicon.IsInstruction, _equivalents)));
        var confidence = _ranker.Confidence(question, ranked);
        LogRanked(question.Answers.ToString(), ranked.Count, confidence);
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            foreach (var candidate in ranked.Take(3))
                LogCandidate(candidate.Probability, candidate.ArticleId, candidate.Text, string.Join(' ', candidate.Features.Select(f => f.ToString("F2", CultureInfo.InvariantCulture))));
        }

        if (ranked.Count == 0 || !_ranker.ShouldAnswer(confidence))
        {
            LogAbstained(question.Answers.ToString(), confidence);
            return AnswerFactory.Abstain() with { Confidence = confidence };
        }

        if (SecondEvent(question, ranked) is { } other)
            return TwoEvents(ranked[0], other) with { Confidence = confidence };
        var (start, end) = Span(question, ranked[0], ranked);
        var best = ranked[0].Source;
        return AnswerFactory.Answer(best.Passage.Text[start..end], [AnswerFactory.Cite(1, best, start, end)]) with { Confidence = confidence };
    }

    // A who-question is answered by a sentence that names someone right beside what was asked ("represented by Marco
    // Rubio"), not one that only mentions a person elsewhere ("led by senior diplomats ... ties to President Putin"):
    // when the best does not, the first such sentence with evidence comparable to it goes first. A name beside a
    // question word does not lift a sentence the ranker found far weaker.
    private static List<RankedSentence> NamesTheDoerFirst(QuestionContext question, List<RankedSentence> ranked)
    {
        if (question.Answers != AnswerType.Name || ranked.Count == 0 || ranked[0].Features[SentenceFeatures.AnswerTypeNearMatch] >= NamedBeside)
            return ranked;
        var doer = ranked.TakeWhile(r => r.Probability >= ComparableEvidence * ComparableEvidence * ranked[0].Probability)
            .FirstOrDefault(r => r.Features[SentenceFeatures.AnswerTypeNearMatch] >= NamedBeside);
        return doer is null ? ranked : [doer, .. ranked.Where(r => r != doer)];
    }

    // The best sentence and the neighbour that completes it, while both fit in an answer: the one before when the best
    // opens on a pronoun ("He said ..."), the one after when it opens on one ("... eliminate tumors. This is called
    // immune surveillance."), else the better-scored neighbour.
    private static (int Start, int End) Span(QuestionContext question, RankedSentence best, IReadOnlyList<RankedSentence> ranked)
    {
        if (best.Segment.End - best.Segment.Start > MaxAnswerLength)
            return Window(question, best);
        var pointsBack = Anaphors.Contains(FirstWord(best.Text));
        // A sentence that holds the kind of answer asked for (the name, the date) right beside the question's words stands
        // alone; one that points back ("He said ..."), answers a what/how question, or holds a name or date only somewhere
        // in it may need its neighbour.
        if (!pointsBack && question.Answers != AnswerType.None && best.Features[SentenceFeatures.AnswerTypeNearMatch] >= NamedBeside)
            return (best.Segment.Start, best.Segment.End);
        var previous = best.Neighbours.FirstOrDefault(n => n.End <= best.Segment.Start);
        var next = best.Neighbours.FirstOrDefault(n => n.Start >= best.Segment.End);
        var text = best.Source.Passage.Text;
        var neighbour = pointsBack && previous is not null ? previous
            : next is not null && Anaphors.Contains(FirstWord(text[next.Start..next.End])) ? next
            : best.Neighbours
                .Select(n => (Segment: n, Score: ranked.FirstOrDefault(r => r.Source == best.Source && r.Segment.Start == n.Start)?.Score ?? double.NegativeInfinity))
                .OrderByDescending(n => n.Score)
                .Select(n => n.Segment)
                .FirstOrDefault();
        if (neighbour is null)
            return (best.Segment.Start, best.Segment.End);
        var start = Math.Min(best.Segment.Start, neighbour.Start);
        var end = Math.Max(best.Segment.End, neighbour.End);
        return end - start <= MaxAnswerLength ? (start, end) : (best.Segment.Start, best.Segment.End);
    }

    private static string FirstWord(string sentence) => sentence.TrimStart().Split(' ', 2)[0].Trim('"', '“', '\'', ',');

    // A sentence too long to quote whole (a run-on list, a paragraph without stops): the stretch of it, within the
    // answer length and on word boundaries, that holds the most of the question's words and of the kind of answer asked for.
    private static (int Start, int End) Window(QuestionContext question, RankedSentence best)
    {
        var text = best.Source.Passage.Text;
        var words = RawTokenizer.Tokens(best.Text).Select(t => (Start: best.Segment.Start + t.Start, End: best.Segment.Start + t.End, t.Lower)).ToList();
        var typed = AnswerTypeDetector.Find(question.Answers, best.Text).Select(s => best.Segment.Start + s.Start).ToList();
        var bestStart = best.Segment.Start;
        var bestEnd = Math.Min(best.Segment.End, best.Segment.Start + MaxAnswerLength);
        var bestHits = -1;
        for (var first = 0; first < words.Count; first++)
        {
            var last = first;
            while (last + 1 < words.Count && words[last + 1].End - words[first].Start <= MaxAnswerLength)
                last++;
            var start = words[first].Start;
            var end = words[last].End;
            var hits = words.Skip(first).Take(last - first + 1).Count(w => question.Terms.Contains(Text.WordTokenizer.Stem(w.Lower)))
                + typed.Count(t => t >= start && t < end);
            if (hits > bestHits)
                (bestHits, bestStart, bestEnd) = (hits, start, end);
        }

        // Closing punctuation right after the window belongs to the quote.
        while (bestEnd < best.Segment.End && bestEnd - bestStart < MaxAnswerLength && char.IsPunctuation(text[bestEnd]))
            bestEnd++;
        return (bestStart, bestEnd);
    }

    // Another article's sentence that answers the same question differently (another name, another date) beside the
    // question's words, with evidence comparable to the best: two meetings, two delegations, two dates. A question that
    // names its own place or date ("... at the talks on February 25?") has chosen one event.
    private static RankedSentence? SecondEvent(QuestionContext question, List<RankedSentence> ranked)
    {
        if (question.Answers == AnswerType.None
            || AnswerTypeDetector.Find(AnswerType.Date, question.Text).Count > 0
            || AnswerTypeDetector.Find(AnswerType.Place, question.Text).Count > 0)
            return null;
        var best = ranked[0];
        var bestValues = Values(question, best.Text);
        if (bestValues.Count == 0)
            return null;
        return ranked.Skip(1)
            .TakeWhile(r => r.Probability >= ComparableEvidence * best.Probability)
            .FirstOrDefault(r => r.ArticleId != best.ArticleId
                && r.Features[SentenceFeatures.AnswerTypeNearMatch] >= NamedBeside
                && Values(question, r.Text) is { Count: > 0 } values
                && !values.Overlaps(bestValues));
    }

    private static HashSet<string> Values(QuestionContext question, string text) =>
        AnswerTypeDetector.Values(question.Answers, text)
            .Select(v => v.ToLowerInvariant())
            .Where(v => !Text.WordTokenizer.Terms(v).Where(QuestionReader.IsContentWord).All(question.Terms.Contains))
            .ToHashSet(StringComparer.Ordinal);

    // Each told with the words that set it apart: its place and date when both sentences have them and they differ,
    // else the article it comes from (two reports that disagree).
    private static Answer TwoEvents(RankedSentence first, RankedSentence second)
    {
        var (firstLabel, secondLabel) = Setting(first) is { } a && Setting(second) is { } b && !a.Equals(b, StringComparison.OrdinalIgnoreCase)
            ? (a, b)
            : (Source(first), Source(second));
        return AnswerFactory.Answer(
            $"The articles describe more than one. {firstLabel}: {first.Text} [1] {secondLabel}: {second.Text} [2]",
            [AnswerFactory.Cite(1, first.Source, first.Segment.Start, first.Segment.End), AnswerFactory.Cite(2, second.Source, second.Segment.Start, second.Segment.End)]);
    }

    // Where and when the sentence, else its passage, sets what it tells; null when neither says.
    private static string? Setting(RankedSentence sentence)
    {
        var passage = sentence.Source.Passage.Text;
        var place = AnswerTypeDetector.Values(AnswerType.Place, sentence.Text).Concat(AnswerTypeDetector.Values(AnswerType.Place, passage)).FirstOrDefault();
        var date = AnswerTypeDetector.Values(AnswerType.Date, sentence.Text).Concat(AnswerTypeDetector.Values(AnswerType.Date, passage)).FirstOrDefault();
        return (place, date) switch
        {
            ({ } p, { } d) => $"In {p}, {d}",
            ({ } p, null) => $"In {p}",
            (null, { } d) => $"On {d}",
            _ => null,
        };
    }

    private static string Source(RankedSentence sentence)
    {
        var published = sentence.Source.Article.Published?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        return published is null ? $"In “{sentence.Source.Article.Title}”" : $"In “{sentence.Source.Article.Title}” ({published})";
    }

    [LoggerMessage(4111, LogLevel.Debug, "Ranked {Count} candidate sentences for a question asking for {AnswerType}; confidence {Confidence:F3}")]
    private partial void LogRanked(string answerType, int count, double confidence);

    [LoggerMessage(4115, LogLevel.Trace, "Candidate p={Probability:F3} from {ArticleId}: {Sentence} [{Features}]")]
    private partial void LogCandidate(double probability, string articleId, string sentence, string features);

    [LoggerMessage(4112, LogLevel.Debug, "Abstained on a question asking for {AnswerType}: confidence {Confidence:F3} is below the threshold")]
    private partial void LogAbstained(string answerType, double confidence);

    [LoggerMessage(4113, LogLevel.Information, "Refused a question that addresses the bot instead of asking about the articles")]
    private partial void LogRefused();

    [LoggerMessage(4114, LogLevel.Information, "Answered a question in another language with the English-only notice")]
    private partial void LogForeign();
}
