using TalksBot.Analytics.Reports;
using TalksBot.Core.Analytics;

namespace TalksBot.Analytics.Tests.Reports;

public sealed class AnalyticsReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportCountsAskedAnsweredAbstainedAndVotes()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore();
        var answered = Questions.Answered("Who met in Riyadh?", Questions.Cite(1, "a"));
        await store.RecordQuestionAsync(answered, Ct);
        await store.RecordQuestionAsync(Questions.Answered("Who spoke first?", Questions.Cite(1, "a")), Ct);
        await store.RecordQuestionAsync(Questions.Abstained("What is the weather?"), Ct);
        await store.RecordFeedbackAsync(answered.Id, "u1", FeedbackVote.Up, Ct);
        await store.RecordFeedbackAsync(answered.Id, "u2", FeedbackVote.Up, Ct);
        await store.RecordFeedbackAsync(answered.Id, "u3", FeedbackVote.Down, Ct);

        var report = await store.GetReportAsync(null, 5, Ct);

        Assert.Equal((3, 2, 1, 2, 1), (report.Asked, report.Answered, report.Abstained, report.FeedbackUp, report.FeedbackDown));
    }

    [Fact]
    public async Task ReportGivesNearestRankLatencyPercentiles()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore();
        // 100 ms .. 2000 ms in shuffled order: nearest-rank p50 is the 10th value, p95 the 19th.
        foreach (var tenths in Enumerable.Range(1, 20).OrderBy(i => (i * 7) % 20))
        {
            await store.RecordQuestionAsync(
                Questions.Answered("Question " + tenths) with { Latency = TimeSpan.FromMilliseconds(tenths * 100) }, Ct);
        }

        var report = await store.GetReportAsync(null, 5, Ct);

        Assert.Equal((TimeSpan.FromMilliseconds(1000), TimeSpan.FromMilliseconds(1900)), (report.LatencyP50, report.LatencyP95));
    }

    [Fact]
    public async Task ReportWithoutQuestionsHasNoLatency()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore();

        var report = await store.GetReportAsync(null, 5, Ct);

        Assert.Equal((0, null, null), (report.Asked, report.LatencyP50, report.LatencyP95));
    }

    [Fact]
    public async Task ReportSinceLeavesOutEarlierQuestionsAndTheirVotes()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore();
        var early = Questions.Abstained("Early question", Questions.Start);
        await store.RecordQuestionAsync(early, Ct);
        await store.RecordFeedbackAsync(early.Id, "u1", FeedbackVote.Down, Ct);
        await store.RecordQuestionAsync(Questions.Abstained("Late question", Questions.Start.AddDays(2)), Ct);

        var report = await store.GetReportAsync(Questions.Start.AddDays(1), 5, Ct);

        Assert.Equal((1, 0), (report.Asked, report.FeedbackDown));
        Assert.Equal("Late question", Assert.Single(report.Gaps).Question);
    }

    [Fact]
    public async Task ReportListsMostCitedArticlesMostFirstCountingEachAnswerOnce()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore();
        await store.RecordQuestionAsync(Questions.Answered("Q1", Questions.Cite(1, "b", "Beta"), Questions.Cite(2, "b", "Beta")), Ct);
        await store.RecordQuestionAsync(Questions.Answered("Q2", Questions.Cite(1, "a", "Alpha"), Questions.Cite(2, "c", "Gamma")), Ct);
        await store.RecordQuestionAsync(Questions.Answered("Q3", Questions.Cite(1, "a", "Alpha")), Ct);

        var report = await store.GetReportAsync(null, 2, Ct);

        Assert.Equal([new CitedArticle("a", "Alpha", 2), new CitedArticle("b", "Beta", 1)], report.MostCited);
    }

    [Fact]
    public async Task ReportGroupsParaphrasedUnansweredQuestionsIntoOneGap()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore();
        await store.RecordQuestionAsync(Questions.Abstained("who led the us delegation", Questions.Start), Ct);
        await store.RecordQuestionAsync(Questions.Abstained("What sanctions relief did Russia ask for?", Questions.Start.AddMinutes(1)), Ct);
        await store.RecordQuestionAsync(Questions.Abstained("Who led the U.S. delegation?", Questions.Start.AddMinutes(2)), Ct);
        await store.RecordQuestionAsync(Questions.Abstained("who was leading the american delegation", Questions.Start.AddMinutes(3)), Ct);

        var report = await store.GetReportAsync(null, 5, Ct);

        Assert.Equal(
            [
                new CoverageGap("who led the us delegation", 3, 3, 0, Questions.Start.AddMinutes(3)),
                new CoverageGap("What sanctions relief did Russia ask for?", 1, 1, 0, Questions.Start.AddMinutes(1)),
            ],
            report.Gaps);
    }

    [Fact]
    public async Task AnsweredQuestionWithMoreDownThanUpVotesIsAGap()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore();
        var disliked = Questions.Answered("How long did the meeting last?", Questions.Cite(1, "a"));
        var liked = Questions.Answered("Where was the meeting?", Questions.Cite(1, "a"));
        await store.RecordQuestionAsync(disliked, Ct);
        await store.RecordQuestionAsync(liked, Ct);
        await store.RecordFeedbackAsync(disliked.Id, "u1", FeedbackVote.Down, Ct);
        await store.RecordFeedbackAsync(liked.Id, "u1", FeedbackVote.Up, Ct);
        await store.RecordFeedbackAsync(liked.Id, "u2", FeedbackVote.Up, Ct);
        await store.RecordFeedbackAsync(liked.Id, "u3", FeedbackVote.Down, Ct);

        var report = await store.GetReportAsync(null, 5, Ct);

        Assert.Equal(new CoverageGap("How long did the meeting last?", 1, 0, 1, Questions.Start), Assert.Single(report.Gaps));
    }

    [Fact]
    public async Task RenderedReportNeverShowsUserIdsOrTheirHashes()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore();
        var entry = Questions.Abstained("Who chaired the meeting?", userId: "discord:5550001");
        await store.RecordQuestionAsync(entry, Ct);
        await store.RecordFeedbackAsync(entry.Id, "discord:5550002", FeedbackVote.Down, Ct);
        var hashes = (await db.QueryAsync("SELECT user_hash FROM questions UNION SELECT user_hash FROM feedback"))
            .Select(r => (string)r[0]!).ToList();

        var report = await store.GetReportAsync(null, 5, Ct);
        var rendered = AnalyticsReportRenderer.ToMarkdown(report) + string.Join('\n',
            AnalyticsReportRenderer.ToTables(report).SelectMany(t => t.Rows).SelectMany(r => r));

        Assert.Contains("Who chaired the meeting?", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("555000", rendered, StringComparison.Ordinal);
        Assert.All(hashes, hash => Assert.DoesNotContain(hash[..12], rendered, StringComparison.Ordinal));
    }
}
