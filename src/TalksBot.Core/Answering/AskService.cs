using Microsoft.Extensions.Logging;

namespace TalksBot.Core.Answering;

/// <summary>
/// The one way to ask: rewrites an elliptical follow-up from the conversation so retrieval sees a whole question,
/// retrieves passages, has the answerer answer from them with the conversation so far, and remembers the turn.
/// </summary>
public sealed partial class AskService : IAskService
{
    private readonly Retrieval.IPassageSearch _search;
    private readonly IAnswerer _answerer;
    private readonly ConversationMemory _memory;
    private readonly FollowUpRewriter _rewriter;
    private readonly QueryExpander _expander;
    private readonly EntityFinder _entities;
    private readonly AnsweringOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AskService> _logger;

    /// <summary>Creates the service; <paramref name="options"/> are validated here so a bad setting fails at start-up.</summary>
    /// <exception cref="ArgumentException">A setting is out of range (the message names the key).</exception>
    public AskService(
        Retrieval.IPassageSearch search,
        IAnswerer answerer,
        ConversationMemory memory,
        Lexicon lexicon,
        AnsweringOptions options,
        TimeProvider time,
        ILogger<AskService> logger)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _search = search;
        _answerer = answerer;
        _memory = memory;
        var sides = new SideFinder(lexicon);
        _rewriter = new FollowUpRewriter(lexicon, sides);
        _expander = new QueryExpander(lexicon, new QuestionAnalyzer(lexicon, sides));
        _entities = new EntityFinder(lexicon, sides);
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken) =>
        AskAsync(request, onText: null, cancellationToken);

    /// <inheritdoc />
    public async Task<AskResult> AskAsync(AskRequest request, Action<string>? onText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Question);
        var started = _time.GetTimestamp();
        var history = request.ConversationId is { } id ? _memory.Get(id) : [];
        var query = _rewriter.Rewrite(request.Question, history);
        if (!ReferenceEquals(query, request.Question))
        {
            LogRewritten(query);
        }

        var retrieved = await _search.SearchAsync(_expander.Expand(query), _options.RetrievalLimit, cancellationToken);
        if (_expander.Rephrase(query) is { } rephrased)
        {
            retrieved = Merge(retrieved, await _search.SearchAsync(rephrased.Query, 2 * _options.RetrievalLimit, cancellationToken), rephrased.Answers);
        }

        var answerRequest = new AnswerRequest(request.Question, retrieved, history);
        var answer = onText is not null && _answerer is IStreamingAnswerer streaming
            ? await StreamAsync(streaming, answerRequest, onText, cancellationToken)
            : await _answerer.AnswerAsync(answerRequest, cancellationToken);
        if (request.ConversationId is { } conversation)
        {
            _memory.Add(conversation, new ConversationTurn(request.Question, answer));
        }

        var latency = _time.GetElapsedTime(started);
        LogAnswered(answer.Answerer, answer.Abstained, retrieved.Count, answer.Citations.Count, latency.TotalMilliseconds);
        return new AskResult(request.Question, answer, retrieved, latency);
    }

    // The question's own passages keep their ranks; the rephrased search only adds, after them, passages that hold the
    // kind of answer asked for (a date for "when", a titled person for "who"), at most half as many again so the
    // answerer's reading stays bounded.
    private IReadOnlyList<Retrieval.RetrievedPassage> Merge(IReadOnlyList<Retrieval.RetrievedPassage> first, IReadOnlyList<Retrieval.RetrievedPassage> more, QuestionKind answers)
    {
        var seen = first.Select(p => p.Passage.Id).ToHashSet();
        var added = more
            .Where(p => seen.Add(p.Passage.Id) && Holds(answers, p.Passage.Text))
            .Take(Math.Max(1, _options.RetrievalLimit / 2));
        return [.. first, .. added.Select((p, i) => p with { Rank = first.Count + i })];
    }

    private bool Holds(QuestionKind answers, string text) => answers switch
    {
        QuestionKind.When => _entities.Dates(text).Count > 0,
        QuestionKind.Who => _entities.Persons(text).Any(p => p.Role is not null),
        _ => false,
    };

    private static async Task<Answer> StreamAsync(
        IStreamingAnswerer streaming, AnswerRequest request, Action<string> onText, CancellationToken cancellationToken)
    {
        Answer? final = null;
        await foreach (var update in streaming.StreamAsync(request, cancellationToken))
        {
            if (update.Delta.Length > 0)
            {
                onText(update.Delta);
            }

            final = update.Final ?? final;
        }

        // The contract promises a last update carrying the verified answer; a stream without one is a bug in the answerer.
        return final ?? throw new InvalidOperationException($"Answerer '{streaming.Name}' ended its stream without a final answer.");
    }

    [LoggerMessage(4001, LogLevel.Debug, "Follow-up rewritten for retrieval as {Query}")]
    private partial void LogRewritten(string query);

    [LoggerMessage(4002, LogLevel.Information, "Answered by {Answerer} (abstained: {Abstained}) from {Retrieved} passages with {Citations} citations in {LatencyMs} ms")]
    private partial void LogAnswered(string answerer, bool abstained, int retrieved, int citations, double latencyMs);
}
