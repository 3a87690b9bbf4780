namespace TalksBot.Core.Evaluation;

/// <summary>
/// The four figures reported for SQuAD-style suites, where half the questions are written to look answerable but are not.
/// </summary>
/// <param name="AnswersRight">Answerable items answered correctly (not abstained, holding a gold answer, within the length cap) / answerable items.</param>
/// <param name="CitationsRight">
/// Answerable items answered (not abstained) whose citations include a gold source / answerable items answered: how
/// often an answer rests on the right article, apart from how often the answerer dares to answer.
/// </param>
/// <param name="UnanswerableAbstained">Unanswerable items abstained on / unanswerable items: higher is better.</param>
/// <param name="AnswerableAbstained">Answerable items abstained on / answerable items: false abstentions, lower is better.</param>
public sealed record SquadFigures(Rate AnswersRight, Rate CitationsRight, Rate UnanswerableAbstained, Rate AnswerableAbstained)
{
    /// <summary>Computes the figures; a failed ask counts as answered wrongly, never as abstained.</summary>
    public static SquadFigures Of(IReadOnlyList<ItemResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var answerable = results.Where(r => r.Item.Answerable).ToList();
        return new SquadFigures(
            Rate.Of(answerable, r => r.Correct),
            Rate.Of(answerable.Where(r => !r.Abstained && r.Error is null), r => r.CitationCorrect),
            Rate.Of(results.Where(r => !r.Item.Answerable), r => r.Abstained),
            Rate.Of(answerable, r => r.Abstained));
    }
}
