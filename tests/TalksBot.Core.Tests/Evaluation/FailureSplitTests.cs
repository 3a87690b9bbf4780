using TalksBot.Core.Evaluation;
using static TalksBot.Core.Tests.Evaluation.EvaluationSamples;

namespace TalksBot.Core.Tests.Evaluation;

public sealed class FailureSplitTests
{
    private static readonly EvaluationOptions Options = EvaluationOptions.Default;

    [Fact]
    public void AWrongAnswerCitingAGoldSourceIsAWrongSentence() =>
        Assert.Equal(FailureKind.WrongSentence, FailureSplit.Classify(ItemScorer.Score(Answerable(), Answer("Paris.", "a1"), Options)));

    [Fact]
    public void AnAnswerCitingNoGoldSourceIsAWrongArticleEvenWhenItsTextIsRight() =>
        Assert.Equal(FailureKind.WrongArticle, FailureSplit.Classify(ItemScorer.Score(Answerable(), Answer("Riyadh.", "b"), Options)));

    [Fact]
    public void AnAbstentionOnAnAnswerableQuestionIsWronglyAbstained() =>
        Assert.Equal(FailureKind.WronglyAbstained, FailureSplit.Classify(ItemScorer.Score(Answerable(), Abstention(), Options)));

    [Fact]
    public void AnAnswerToAnUnanswerableQuestionIsAnsweredUnanswerable() =>
        Assert.Equal(FailureKind.AnsweredUnanswerable, FailureSplit.Classify(ItemScorer.Score(Unanswerable(), Answer("The EU signed.", "a1"), Options)));

    [Fact]
    public void ARightItemIsNoFailure() =>
        Assert.Null(FailureSplit.Classify(ItemScorer.Score(Answerable(), Answer("Riyadh.", "a1"), Options)));

    [Fact]
    public void CountsEveryFailedItemOnce()
    {
        var split = FailureSplit.Of(
        [
            ItemScorer.Score(Answerable("q1"), Answer("Paris.", "a1"), Options),
            ItemScorer.Score(Answerable("q2"), Answer("Riyadh.", "b"), Options),
            ItemScorer.Score(Answerable("q3"), Abstention(), Options),
            ItemScorer.Score(Unanswerable("u1"), Answer("The EU signed.", "a1"), Options),
            ItemScorer.Score(Unanswerable("u2"), Abstention(), Options),
            ItemScorer.Failed(Answerable("q4"), "boom", TimeSpan.Zero),
        ]);

        Assert.Equal(new FailureSplit(1, 1, 1, 1, 1, 0), split);
        Assert.Equal(5, split.Total);
    }

    [Fact]
    public void CitationsRightCountOnlyAnswerableQuestionsThatWereAnswered()
    {
        var figures = SquadFigures.Of(
        [
            ItemScorer.Score(Answerable("q1"), Answer("Riyadh.", "a1"), Options),
            ItemScorer.Score(Answerable("q2"), Answer("Riyadh.", "b"), Options),
            ItemScorer.Score(Answerable("q3"), Abstention(), Options),
            ItemScorer.Score(Unanswerable("u1"), Abstention(), Options),
        ]);

        Assert.Equal(new Rate(1, 2), figures.CitationsRight);
        Assert.Equal(new Rate(2, 3), figures.AnswersRight);
        Assert.Equal(new Rate(1, 3), figures.AnswerableAbstained);
        Assert.Equal(new Rate(1, 1), figures.UnanswerableAbstained);
    }
}
