using TalksBot.Llm.Answering;

namespace TalksBot.Llm.Tests;

public sealed class ReplyVerifierTests
{
    [Fact]
    public void AGroupedMarkerKeepsItsValidNumbersRenumbered()
    {
        var verified = ReplyVerifier.Verify("They met in Riyadh and agreed on embassies [3, 2].", SampleArticles.Passages());

        Assert.Equal("They met in Riyadh and agreed on embassies [1][2].", verified.Text);
        Assert.Equal([SampleArticles.FollowUp.Id, SampleArticles.Meeting.Id], verified.Citations.Select(c => c.ArticleId));
    }

    [Fact]
    public void APassageCitedTwiceIsOneCitationWithOneNumber()
    {
        var verified = ReplyVerifier.Verify("They met in Riyadh [2]. The talks lasted four and a half hours [2].", SampleArticles.Passages());

        Assert.Equal("They met in Riyadh [1]. The talks lasted four and a half hours [1].", verified.Text);
        Assert.Single(verified.Citations);
    }

    [Fact]
    public void AMarkerAfterTheFullStopQuotesTheSentenceBeforeIt()
    {
        var verified = ReplyVerifier.Verify("The talks lasted four and a half hours. [2]", SampleArticles.Passages());

        Assert.Equal("The talks lasted four and a half hours.", Assert.Single(verified.Citations).Quote);
    }

    [Fact]
    public void AMarkerOpeningTheReplyQuotesTheSentenceItOpens()
    {
        var verified = ReplyVerifier.Verify("[2] Marco Rubio led the American delegation.", SampleArticles.Passages());

        Assert.Equal("Secretary of State Marco Rubio led the American delegation.", Assert.Single(verified.Citations).Quote);
    }

    [Fact]
    public void TheQuoteIsThePassageSentenceSharingTheMostWordsWithTheClaim()
    {
        var verified = ReplyVerifier.Verify("Marco Rubio led the American delegation [2].", SampleArticles.Passages());

        var citation = Assert.Single(verified.Citations);
        Assert.Equal("Secretary of State Marco Rubio led the American delegation.", citation.Quote);
        Assert.Equal(citation.Quote, SampleArticles.MeetingText[citation.QuoteStart..citation.QuoteEnd]);
    }

    [Fact]
    public void ClaimsCitingOnlyPassagesThatDoNotExistAreRemovedWhole()
    {
        var verified = ReplyVerifier.Verify("They met in Riyadh [0]. Talks resume soon [4].", SampleArticles.Passages());

        Assert.Equal(string.Empty, verified.Text);
        Assert.Empty(verified.Citations);
        Assert.Equal(2, verified.RemovedClaims);
    }

    [Fact]
    public void ASecondClaimCitingAPassageThatDoesNotExistIsRemovedAndTheFirstKept()
    {
        var verified = ReplyVerifier.Verify("Marco Rubio led the American delegation [2]. He later met Sergey Lavrov in Geneva [5].", SampleArticles.Passages());

        Assert.Equal("Marco Rubio led the American delegation [1].", verified.Text);
        Assert.DoesNotContain("Geneva", verified.Text, StringComparison.Ordinal);
        Assert.Single(verified.Citations);
        Assert.Equal(1, verified.RemovedClaims);
    }

    [Fact]
    public void AClaimWithoutACitationIsRemoved()
    {
        var verified = ReplyVerifier.Verify("They met in Riyadh [2]. Lavrov called it a success.", SampleArticles.Passages());

        Assert.Equal("They met in Riyadh [1].", verified.Text);
        Assert.Equal(1, verified.RemovedClaims);
    }

    [Fact]
    public void AnInvalidMarkerBesideAValidOneIsDroppedAndItsClaimKept()
    {
        var verified = ReplyVerifier.Verify("They met in Riyadh [9] [2].", SampleArticles.Passages());

        Assert.Equal("They met in Riyadh [1].", verified.Text);
        Assert.Equal(0, verified.RemovedClaims);
    }

    [Fact]
    public void AMarkerAfterTheFullStopKeepsTheClaimBeforeIt()
    {
        var verified = ReplyVerifier.Verify("The talks lasted four and a half hours. [2] Ukraine was not invited. [1]", SampleArticles.Passages());

        Assert.Equal("The talks lasted four and a half hours. [1] Ukraine was not invited. [2]", verified.Text);
        Assert.Equal(2, verified.Citations.Count);
    }

    [Fact]
    public void WhileStreamingTheLastClaimIsHeldBackUntilTheNextOneStarts()
    {
        var passages = SampleArticles.Passages();

        Assert.Equal(string.Empty, ReplyVerifier.VerifyCompleteClaims("They met in Riyadh [2].", passages).Text);
        Assert.Equal("They met in Riyadh. [1]", ReplyVerifier.VerifyCompleteClaims("They met in Riyadh. [2] Ukraine was", passages).Text);
        Assert.Equal("They met in Riyadh [1].", ReplyVerifier.VerifyCompleteClaims("They met in Riyadh [2]. He met Lavrov [7]. Ukraine", passages).Text);
    }

    [Fact]
    public void TheSentinelAnywhereInTheReplyMarksIt()
    {
        Assert.True(ReplyVerifier.Verify("  NOT_IN_ARTICLES\n", SampleArticles.Passages()).IsSentinel);
    }
}
