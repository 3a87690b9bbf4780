using Microsoft.Extensions.Logging;

namespace TalksBot.Core.Answering;

/// <summary>
/// Answers from the retrieved passages alone, without a model or the network: reads the question (who, when, where,
/// who-is, quote, table, metadata, ...), finds the sentence or table cell that supports it for the side it asks about,
/// and replies in a sentence or two with the quoted source — or abstains when nothing supports an answer.
/// Question and passage text are data: instructions in either are never followed.
/// </summary>
public sealed partial class ExtractiveAnswerer : IAnswerer
{
    // Share of a question's weighted content words a sentence must support; calibrated on the Q&A suite so that
    // paraphrases pass and questions about things the articles never mention do not.
    internal const double SupportThreshold = 0.56;

    private readonly QuestionAnalyzer _analyzer;
    private readonly CandidateBuilder _candidates;
    private readonly SentenceAnswerer _sentences;
    private readonly TableAnswerer _tables;
    private readonly MetadataAnswerer _metadata;
    private readonly FollowUpRewriter _followUps;
    private readonly ILogger<ExtractiveAnswerer> _logger;

    /// <summary>Creates the answerer over a loaded <see cref="Lexicon"/>.</summary>
    public ExtractiveAnswerer(Lexicon lexicon, ILogger<ExtractiveAnswerer> logger)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(logger);
        var sides = new SideFinder(lexicon);
        var matcher = new TermMatcher(lexicon);
        _analyzer = new QuestionAnalyzer(lexicon, sides);
        _candidates = new CandidateBuilder(lexicon, sides);
        var entities = new EntityFinder(lexicon, sides);
        _sentences = new SentenceAnswerer(matcher, entities, new EventDating(matcher, entities, lexicon.Stopwords), SpeechVerbs(lexicon), SupportThreshold);
        _tables = new TableAnswerer(matcher, sides);
        _metadata = new MetadataAnswerer(matcher);
        _followUps = new FollowUpRewriter(lexicon, sides);
        _logger = logger;
    }

    // The synonym group of "say" is the lexicon's list of speech verbs.
    private static HashSet<string> SpeechVerbs(Lexicon lexicon) =>
        lexicon.SynonymGroups.FirstOrDefault(g => g.Contains("say"))?.ToHashSet(StringComparer.Ordinal) ?? ["say", "said"];

    /// <inheritdoc />
    public string Name => AnswerFactory.AnswererName;

    /// <inheritdoc />
    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var question = _analyzer.Analyze(_followUps.Rewrite(request.Question, request.History));
        LogAnalysed(question.Kind.ToString(), question.Side ?? "none", question.Terms.Count);
        if (question.IsInjection)
        {
            LogRefused();
            return Task.FromResult(AnswerFactory.Abstain(AnswerFactory.RefusedText));
        }

        var candidates = _candidates.Build(request.Passages);
        var answer = MetadataAnswerer.IsMetadata(question.Kind)
            ? _metadata.Answer(question, candidates)
            : _tables.TryAnswer(question, request.Passages) ?? _sentences.Answer(question, candidates);
        if (answer.Abstained)
        {
            LogAbstained(question.Kind.ToString());
        }

        return Task.FromResult(answer);
    }

    [LoggerMessage(4101, LogLevel.Debug, "Extractive answerer read a {Kind} question about side {Side} with {TermCount} content terms")]
    private partial void LogAnalysed(string kind, string side, int termCount);

    [LoggerMessage(4102, LogLevel.Information, "Extractive answerer refused a question that addresses the bot instead of asking about the articles")]
    private partial void LogRefused();

    [LoggerMessage(4103, LogLevel.Debug, "Extractive answerer abstained on a {Kind} question: no passage supports an answer")]
    private partial void LogAbstained(string kind);
}
