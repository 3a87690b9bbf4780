using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace TalksBot.Core.Answering;

/// <summary>
/// The one way to ask: rewrites an elliptical follow-up from the conversation so retrieval sees a whole question,
/// retrieves passages, has the answerer answer from them with the conversation so far, and remembers the turn.
/// </summary>
internal sealed partial class AskService : IAskService
{
    private readonly Retrieval.IPassageSearch _search;
    private readonly IAnswerer _answerer;
    private readonly ConversationMemory _memory;
    private readonly FollowUpRewriter _rewriter;
    private readonly QueryExpander _expander;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _embedder;
    private readonly AnsweringOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AskService> _logger;

    /// <summary>Creates the service; <paramref name="options"/> are validated here so a bad setting fails at start-up.</summary>
    /// <param name="embedder">Embeds the question once for both the dense search and the answerer's sentence comparison;
    /// without one the search embeds it and the answerer ranks without semantic features.</param>
    /// <exception cref="ArgumentException">A setting is out of range (the message names the key).</exception>
    public AskService(
        Retrieval.IPassageSearch search,
        IAnswerer answerer,
        ConversationMemory memory,
        Lexicon lexicon,
        AnsweringOptions options,
        TimeProvider time,
        ILogger<AskService> logger,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
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
        _embedder = embedder;
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

        ReadOnlyMemory<float>? vector = _embedder is null ? null : await _embedder.GenerateVectorAsync(query, cancellationToken: cancellationToken);
        IReadOnlyList<Retrieval.RetrievedPassage> retrieved;
        try
        {
            retrieved = await _search.SearchAsync(new Retrieval.PassageQuery(_expander.Expand(query), vector), _options.RetrievalLimit, cancellationToken);
        }
        catch (Retrieval.IndexUnavailableException e)
        {
            // Not an answer and not a turn of the conversation: the member asks again once the index is back, and that
            // question must not be read as a follow-up to this one.
            LogUnavailable(e.Message);
            return new AskResult(request.Question, Answer.IndexUnavailable, [], _time.GetElapsedTime(started));
        }

        var answerRequest = new AnswerRequest(query, retrieved, history, vector);
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

    [LoggerMessage(4003, LogLevel.Warning, "Told the asker the index is unavailable: {Reason}")]
    private partial void LogUnavailable(string reason);

    [LoggerMessage(4001, LogLevel.Debug, "Follow-up rewritten for retrieval as {Query}")]
    private partial void LogRewritten(string query);

    [LoggerMessage(4002, LogLevel.Information, "Answered by {Answerer} (abstained: {Abstained}) from {Retrieved} passages with {Citations} citations in {LatencyMs} ms")]
    private partial void LogAnswered(string answerer, bool abstained, int retrieved, int citations, double latencyMs);
}
