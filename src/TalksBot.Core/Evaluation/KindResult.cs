namespace TalksBot.Core.Evaluation;

/// <summary>How one kind of question fared.</summary>
/// <param name="Count">Items of this kind.</param>
/// <param name="Correct">Correct items / items of this kind.</param>
/// <param name="AnswersRight">Answerable items answered correctly / answerable items of this kind.</param>
/// <param name="UnanswerableAbstained">Unanswerable items abstained on / unanswerable items of this kind.</param>
public sealed record KindResult(QuestionWord Kind, int Count, Rate Correct, Rate AnswersRight, Rate UnanswerableAbstained)
{
    /// <summary>One row per kind present in <paramref name="results"/>, in <see cref="QuestionWord"/> order.</summary>
    public static IReadOnlyList<KindResult> Of(IReadOnlyList<ItemResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return [.. results
            .GroupBy(r => QuestionWords.Classify(r.Item.Question))
            .OrderBy(g => g.Key)
            .Select(g => new KindResult(
                g.Key,
                g.Count(),
                Rate.Of(g, r => r.Correct),
                Rate.Of(g.Where(r => r.Item.Answerable), r => r.Correct),
                Rate.Of(g.Where(r => !r.Item.Answerable), r => r.Abstained)))];
    }
}
