namespace TalksBot.Core.Evaluation;

/// <summary>Counts of failed items by <see cref="FailureKind"/>; every failed item is in exactly one count.</summary>
public sealed record FailureSplit(int WrongSentence, int WrongArticle, int WronglyAbstained, int AnsweredUnanswerable, int AskFailed, int Other)
{
    /// <summary>Every failed item.</summary>
    public int Total => WrongSentence + WrongArticle + WronglyAbstained + AnsweredUnanswerable + AskFailed + Other;

    /// <summary>
    /// The kind of failure of <paramref name="result"/>, or null when it did not fail. An answerable item answered
    /// without citing a gold source is a wrong article even when its text happens to hold the answer: the answer does
    /// not rest on the right evidence.
    /// </summary>
    public static FailureKind? Classify(ItemResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Failed)
        {
            return null;
        }

        if (result.Error is not null)
        {
            return FailureKind.AskFailed;
        }

        if (result.Item.Answerable)
        {
            return result.Abstained ? FailureKind.WronglyAbstained
                : !result.CitationCorrect ? FailureKind.WrongArticle
                : FailureKind.WrongSentence;
        }

        return result.Abstained ? FailureKind.Other : FailureKind.AnsweredUnanswerable;
    }

    /// <summary>Counts the failures among <paramref name="results"/>.</summary>
    public static FailureSplit Of(IEnumerable<ItemResult> results)
    {
        var kinds = results.Select(Classify).Where(k => k is not null).Select(k => k!.Value).ToList();
        int Count(FailureKind kind) => kinds.Count(k => k == kind);
        return new FailureSplit(
            Count(FailureKind.WrongSentence),
            Count(FailureKind.WrongArticle),
            Count(FailureKind.WronglyAbstained),
            Count(FailureKind.AnsweredUnanswerable),
            Count(FailureKind.AskFailed),
            Count(FailureKind.Other));
    }
}
