using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>
/// Asking as the naive baseline does: one search (the caller passes a BM25-only one) with the question as written, no
/// rewriting, expansion or conversation, then <see cref="TopPassageBaselineAnswerer"/>. It retrieves as many passages as the bot
/// so that retrieval figures compare, though the answerer reads only the first.
/// </summary>
public sealed class BaselineAskService(IPassageSearch search, AnsweringOptions options, TimeProvider time) : IAskService
{
    private readonly TopPassageBaselineAnswerer _answerer = new();

    /// <inheritdoc />
    public async Task<AskResult> AskAsync(AskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Question);
        var started = time.GetTimestamp();
        var retrieved = await search.SearchAsync(request.Question, options.RetrievalLimit, cancellationToken);
        var answer = await _answerer.AnswerAsync(new AnswerRequest(request.Question, retrieved, []), cancellationToken);
        return new AskResult(request.Question, answer, retrieved, time.GetElapsedTime(started));
    }
}
