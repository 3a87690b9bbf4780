using TalksBot.Analytics.Reports;

namespace TalksBot.Analytics.Tests.Reports;

public sealed class GapClustererTests
{
    private static GapCandidate Unanswered(string question, int minute) =>
        new(question, Questions.Start.AddMinutes(minute), Abstained: true, DownVoted: false);

    [Fact]
    public void ParaphrasesFormOneGroupAndAnUnrelatedQuestionAnother()
    {
        var gaps = GapClusterer.Group(
            [
                Unanswered("who led the us delegation", 0),
                Unanswered("Who led the U.S. delegation?", 1),
                Unanswered("who was leading the american delegation", 2),
                Unanswered("How much does a barrel of oil cost?", 3),
            ],
            top: 10);

        Assert.Equal([3, 1], gaps.Select(g => g.Count));
        Assert.Equal("How much does a barrel of oil cost?", gaps[1].Question);
    }

    [Fact]
    public void QuestionsSharingOnlyANameStayApart()
    {
        var gaps = GapClusterer.Group(
            [Unanswered("What did Lavrov say?", 0), Unanswered("What is Lavrov's age?", 1)], top: 10);

        Assert.Equal(2, gaps.Count);
    }

    [Fact]
    public void QuestionsAboutDifferentPeopleInTheSameFrameStayApart()
    {
        var gaps = GapClusterer.Group(
            [Unanswered("What is Rubio's role?", 0), Unanswered("What is Waltz's role?", 1)], top: 10);

        Assert.Equal(2, gaps.Count);
    }

    [Fact]
    public void TheSameQuestionAboutAnotherCountryIsAnotherGroup()
    {
        var gaps = GapClusterer.Group(
            [Unanswered("Who led the U.S. delegation?", 0), Unanswered("Who led the Russian delegation?", 1)], top: 10);

        Assert.Equal(2, gaps.Count);
    }

    [Fact]
    public void QuestionsAskingWhenAndWhereAboutTheSameThingStayApart()
    {
        var gaps = GapClusterer.Group(
            [Unanswered("When will the next round of talks be?", 0), Unanswered("Where will the next round of talks be?", 1)], top: 10);

        Assert.Equal(2, gaps.Count);
    }

    [Fact]
    public void RepresentativeIsTheMostFrequentWording()
    {
        var gaps = GapClusterer.Group(
            [
                Unanswered("who was leading the american delegation", 0),
                Unanswered("Who led the U.S. delegation?", 1),
                Unanswered("who led the US delegation", 2),
            ],
            top: 10);

        Assert.Equal("Who led the U.S. delegation?", Assert.Single(gaps).Question);
    }

    [Fact]
    public void GroupsAreOrderedByCountAndCutToTop()
    {
        var gaps = GapClusterer.Group(
            [
                Unanswered("What did Zelensky say?", 0),
                Unanswered("Where will the next round be?", 1),
                Unanswered("Where is the next round?", 2),
                Unanswered("Who paid for the summit?", 3),
            ],
            top: 1);

        Assert.Equal(new CoverageGap("Where will the next round be?", 2, 2, 0, Questions.Start.AddMinutes(2)), Assert.Single(gaps));
    }

    [Fact]
    public void GroupingDoesNotDependOnInputOrder()
    {
        GapCandidate[] candidates =
        [
            Unanswered("Who led the U.S. delegation?", 0),
            Unanswered("Which sanctions were discussed?", 1),
            Unanswered("who led the us delegation", 2),
        ];

        Assert.Equal(GapClusterer.Group(candidates, 10), GapClusterer.Group(candidates.Reverse(), 10));
    }
}
