using TalksBot.Core.Evaluation;
using static TalksBot.Core.Tests.Evaluation.EvaluationSamples;

namespace TalksBot.Core.Tests.Evaluation;

public sealed class ItemScorerTests
{
    private static readonly EvaluationOptions Options = EvaluationOptions.Default;

    [Fact]
    public void AnAnswerContainingAnAcceptedAnswerInAnyCaseIsCorrect()
    {
        var result = ItemScorer.Score(Answerable(answers: ["Riyadh"]), Answer("The talks were held in RIYADH, Saudi Arabia.", "a1"), Options);

        Assert.True(result.Correct);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void CurlyQuotesDashesAndSpacingDoNotMatter()
    {
        var item = Answerable(answers: ["Saudi Arabia's \"neutral\" role - hosting"]);

        var result = ItemScorer.Score(item, Answer("It stressed Saudi\u00A0Arabia\u2019s \u201Cneutral\u201D role \u2014  hosting.", "a1"), Options);

        Assert.True(result.Correct);
    }

    [Fact]
    public void AnAnswerWithNoAcceptedAnswerIsWrong()
    {
        var result = ItemScorer.Score(Answerable(answers: ["Riyadh"]), Answer("They met in Istanbul.", "a1"), Options);

        Assert.False(result.Correct);
        Assert.Equal([FailureReason.WrongAnswer], result.Failures);
    }

    [Fact]
    public void AForbiddenStringMakesAnOtherwiseRightAnswerWrong()
    {
        var item = Answerable(answers: ["Riyadh"], forbidden: ["Istanbul"]);

        var result = ItemScorer.Score(item, Answer("Riyadh, after Istanbul was ruled out.", "a1"), Options);

        Assert.False(result.Correct);
        Assert.Equal([FailureReason.ForbiddenString], result.Failures);
    }

    [Fact]
    public void AnAnswerLongerThanTheLimitIsWrong()
    {
        var longAnswer = "Riyadh. " + new string('x', EvaluationOptions.DefaultMaxAnswerLength);

        var result = ItemScorer.Score(Answerable(answers: ["Riyadh"]), Answer(longAnswer, "a1"), Options);

        Assert.False(result.Correct);
        Assert.Equal([FailureReason.TooLong], result.Failures);
    }

    [Fact]
    public void AnAnswerOfExactlyTheLimitIsAllowed()
    {
        var answer = "Riyadh" + new string('.', EvaluationOptions.DefaultMaxAnswerLength - 6);

        var result = ItemScorer.Score(Answerable(answers: ["Riyadh"]), Answer(answer, "a1"), Options);

        Assert.True(result.Correct);
    }

    [Fact]
    public void AbstainingOnAnAnswerableQuestionIsWrongEvenIfTheTextMentionsTheAnswer()
    {
        var result = ItemScorer.Score(Answerable(answers: ["Riyadh"]), Reply("I can't say whether Riyadh hosted.", abstained: true), Options);

        Assert.False(result.Correct);
        Assert.Equal([FailureReason.AbstainedWrongly], result.Failures);
    }

    [Fact]
    public void AbstainingOnAnUnanswerableQuestionIsCorrectAndCitationCorrect()
    {
        var result = ItemScorer.Score(Unanswerable(), Abstention(), Options);

        Assert.True(result.Correct);
        Assert.True(result.CitationCorrect);
    }

    [Fact]
    public void AnsweringAnUnanswerableQuestionIsWrong()
    {
        var result = ItemScorer.Score(Unanswerable(), Answer("The EU signed a truce.", "a1"), Options);

        Assert.False(result.Correct);
        Assert.False(result.CitationCorrect);
        Assert.Equal([FailureReason.ShouldHaveAbstained], result.Failures);
    }

    [Fact]
    public void AnAbstentionContainingAForbiddenStringIsWrong()
    {
        var result = ItemScorer.Score(Unanswerable(forbidden: ["Kallas"]), Reply("Kallas did not sign.", abstained: true), Options);

        Assert.False(result.Correct);
        Assert.Equal([FailureReason.ForbiddenString], result.Failures);
    }

    [Fact]
    public void AnAbstentionWithCitationsIsCorrectButNotCitationCorrect()
    {
        var result = ItemScorer.Score(Unanswerable(), Reply("The articles don't say.", abstained: true, cited: ["a1"]), Options);

        Assert.True(result.Correct);
        Assert.False(result.CitationCorrect);
        Assert.Equal([FailureReason.BadCitation], result.Failures);
    }

    [Fact]
    public void ACitationFromAnExpectedSourceIsCitationCorrect()
    {
        var result = ItemScorer.Score(Answerable(sources: ["a1", "a2"]), Reply("Riyadh.", cited: ["a9", "A2"]), Options);

        Assert.True(result.CitationCorrect);
    }

    [Fact]
    public void CitationsOnlyFromOtherArticlesAreABadCitationThoughTheAnswerIsRight()
    {
        var result = ItemScorer.Score(Answerable(sources: ["a1"]), Reply("Riyadh.", cited: ["a9"]), Options);

        Assert.True(result.Correct);
        Assert.False(result.CitationCorrect);
        Assert.Equal([FailureReason.BadCitation], result.Failures);
    }

    [Fact]
    public void TheFirstRelevantRankIsTheOneBasedPositionOfTheFirstPassageFromAnExpectedSource()
    {
        var result = ItemScorer.Score(Answerable(sources: ["a2"]), Reply("Riyadh.", retrieved: ["a5", "a5", "a2", "a2"]), Options);

        Assert.Equal(3, result.FirstRelevantRank);
        Assert.Equal([("a5", 1, false), ("a2", 3, true)], result.Retrieved.Select(a => (a.ArticleId, a.Rank, a.Expected)));
    }

    [Fact]
    public void NoRetrievedPassageFromAnExpectedSourceLeavesNoRank()
    {
        var result = ItemScorer.Score(Answerable(sources: ["a2"]), Reply("Riyadh.", retrieved: ["a5"]), Options);

        Assert.Null(result.FirstRelevantRank);
    }
}
