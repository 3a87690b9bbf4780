using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests.Answering;

public sealed class FollowUpRewriterTests
{
    private static readonly Lexicon Lexicon = TestLexicon.Create();
    private readonly FollowUpRewriter _rewriter = new(Lexicon, new SideFinder(Lexicon));

    private static ConversationTurn Turn(string question) => new(question, new Answer("…", false, [], "extractive"));

    [Fact]
    public void AFollowUpStartingWithAndBorrowsTheTopicButNotTheOldSide()
    {
        var rewritten = _rewriter.Rewrite("and who did Russia send?", [Turn("Who led the U.S. delegation?")]);

        Assert.Contains("Russia", rewritten, StringComparison.Ordinal);
        Assert.Contains("delegation", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("U.S.", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void AWhatAboutFollowUpSwapsTheSideInThePreviousQuestion()
    {
        var rewritten = _rewriter.Rewrite("what about Moscow?", [Turn("Who led the U.S. delegation?")]);

        Assert.Equal("Who led the Moscow delegation?", rewritten);
    }

    [Fact]
    public void AQuestionThatStandsAloneIsLeftAsItIs()
    {
        const string question = "When did the talks in Riyadh begin?";

        var rewritten = _rewriter.Rewrite(question, [Turn("Who led the U.S. delegation?")]);

        Assert.Same(question, rewritten);
    }

    [Fact]
    public void AFollowUpWithWordsEnoughToStandAloneIsLeftAsItIsEvenAfterAnd()
    {
        const string question = "and who led the Russian side?";

        var rewritten = _rewriter.Rewrite(question, [Turn("Who led the U.S. delegation?")]);

        Assert.Same(question, rewritten);
    }

    [Fact]
    public void AFollowUpThatPointsBackWithAPronounBorrowsFromTheEarlierQuestion()
    {
        var rewritten = _rewriter.Rewrite("when did they arrive in Riyadh?", [Turn("Who led the U.S. delegation?")]);

        Assert.Contains("delegation", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutHistoryNothingIsRewritten()
    {
        const string question = "and the Russian side?";

        Assert.Same(question, _rewriter.Rewrite(question, []));
    }
}
