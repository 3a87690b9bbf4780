using TalksBot.Core.Answering;

namespace TalksBot.Core.Evaluation;

/// <summary>
/// Scores one reply against its suite item.
/// Answerable: correct when not abstained, the answer contains an accepted answer, no forbidden string and is at most
/// <see cref="EvaluationOptions.MaxAnswerLength"/> characters; citation-correct when a citation is from an expected source.
/// Unanswerable: correct when abstained with no forbidden string; citation-correct when abstained with no citations.
/// Matching ignores case and folds curly quotes, dashes and runs of whitespace.
/// </summary>
internal static class ItemScorer
{
    /// <summary>Scores a reply.</summary>
    public static ItemResult Score(QaItem item, AskResult result, EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var answer = result.Answer;
        var text = AnswerText.Normalize(answer.Text);
        var hasForbidden = item.Forbidden.Any(f => AnswerText.Contains(text, f));
        var failures = new List<FailureReason>();
        bool correct;
        bool citationCorrect;
        if (item.Answerable)
        {
            var hasAccepted = item.Answers.Any(a => AnswerText.Contains(text, a));
            var tooLong = answer.Text.Length > options.MaxAnswerLength;
            correct = !answer.Abstained && hasAccepted && !hasForbidden && !tooLong;
            citationCorrect = answer.Citations.Any(c => IsSource(item, c.ArticleId));
            if (answer.Abstained)
            {
                failures.Add(FailureReason.AbstainedWrongly);
            }
            else
            {
                AddIf(failures, !hasAccepted, FailureReason.WrongAnswer);
                AddIf(failures, hasForbidden, FailureReason.ForbiddenString);
                AddIf(failures, tooLong, FailureReason.TooLong);
                AddIf(failures, !citationCorrect, FailureReason.BadCitation);
            }
        }
        else
        {
            correct = answer.Abstained && !hasForbidden;
            citationCorrect = answer.Abstained && answer.Citations.Count == 0;
            AddIf(failures, !answer.Abstained, FailureReason.ShouldHaveAbstained);
            AddIf(failures, hasForbidden, FailureReason.ForbiddenString);
            AddIf(failures, answer.Abstained && answer.Citations.Count > 0, FailureReason.BadCitation);
        }

        var retrieved = RetrievedArticles(item, result);
        return new ItemResult(
            item,
            answer.Text,
            answer.Abstained,
            [.. answer.Citations.Select(c => new CitedPassage(c.ArticleId, c.PassageId, c.Quote))],
            answer.Answerer,
            correct,
            citationCorrect,
            failures,
            result.Latency,
            retrieved,
            FirstRelevantRank(item, result),
            Confidence: answer.Confidence);
    }

    /// <summary>Records an ask that threw: wrong on every count, with the error as the answer.</summary>
    public static ItemResult Failed(QaItem item, string error, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ItemResult(item, error, false, [], "", false, false, [FailureReason.Error], elapsed, [], null, error);
    }

    private static bool IsSource(QaItem item, string articleId) =>
        item.Sources.Contains(articleId, StringComparer.OrdinalIgnoreCase);

    // Ranks are list positions: Retrieved is best first, and a position survives any filtering the ask service did.
    private static int? FirstRelevantRank(QaItem item, AskResult result)
    {
        for (var i = 0; i < result.Retrieved.Count; i++)
        {
            if (IsSource(item, result.Retrieved[i].Passage.ArticleId))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static List<RetrievedArticle> RetrievedArticles(QaItem item, AskResult result)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var articles = new List<RetrievedArticle>();
        for (var i = 0; i < result.Retrieved.Count; i++)
        {
            var id = result.Retrieved[i].Passage.ArticleId;
            if (seen.Add(id))
            {
                articles.Add(new RetrievedArticle(id, i + 1, IsSource(item, id)));
            }
        }

        return articles;
    }

    private static void AddIf(List<FailureReason> failures, bool condition, FailureReason reason)
    {
        if (condition)
        {
            failures.Add(reason);
        }
    }
}
