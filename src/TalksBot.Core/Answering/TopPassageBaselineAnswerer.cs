using TalksBot.Core.Retrieval;
using TalksBot.Core.Text;

namespace TalksBot.Core.Answering;

/// <summary>
/// The naive baseline every eval report shows the bot beside: read only the top retrieved passage and answer with its
/// sentence sharing the most question words (lower-cased, function words ignored; the earlier sentence on a tie), citing
/// that sentence. It never abstains on passages; with nothing retrieved there is nothing to quote, so it says so.
/// </summary>
public sealed class TopPassageBaselineAnswerer : IAnswerer
{
    /// <summary>The name in reports and <c>--answerer</c>.</summary>
    public const string AnswererName = "baseline";

    /// <inheritdoc />
    public string Name => AnswererName;

    /// <inheritdoc />
    public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Answer(request.Question, request.Passages));
    }

    /// <summary>
    /// The answer from <paramref name="passages"/>[0]. <see cref="Answer.Confidence"/> is the share of the question's
    /// content words the chosen sentence holds, so the coverage curve can show what a threshold on it would trade.
    /// </summary>
    public static Answer Answer(string question, IReadOnlyList<RetrievedPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(passages);
        if (passages.Count == 0)
        {
            return new Answer(AnswerFactory.NotCoveredText, true, [], AnswererName, Confidence: 0);
        }

        var top = passages[0];
        var asked = ContentWords(question);
        TextSegment? best = null;
        var bestOverlap = -1;
        foreach (var sentence in SentenceSplitter.Split(top.Passage.Text))
        {
            var overlap = ContentWords(sentence.Text).Count(asked.Contains);
            if (overlap > bestOverlap)
            {
                (best, bestOverlap) = (sentence, overlap);
            }
        }

        // A passage is never empty in the index; guard anyway so a blank one quotes itself rather than throwing.
        best ??= TextSegment.Of(top.Passage.Text, 0, top.Passage.Text.Length);
        var confidence = asked.Count == 0 ? 0 : (double)Math.Max(bestOverlap, 0) / asked.Count;
        return new Answer(best.Text, false, [AnswerFactory.Cite(1, top, best.Start, best.End)], AnswererName, Confidence: confidence);
    }

    private static HashSet<string> ContentWords(string text) =>
        WordTokenizer.Words(text).Where(w => !FunctionWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
}
