using TalksBot.Core.Analytics;

namespace TalksBot.Analytics.Tests.Storage;

public sealed class QuestionRecordingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordedQuestionIsStoredWithItsAnswerAndCitations()
    {
        using var db = new TempDatabase();
        var entry = Questions.Answered("Who led the U.S. delegation?", Questions.Cite(1, "reuters-riyadh", "Talks in Riyadh"), Questions.Cite(2, "ap-lavrov"));
        await using (var store = db.OpenStore())
        {
            await store.RecordQuestionAsync(entry with { Answer = entry.Answer with { Notice = "LLM fell back" } }, Ct);
        }

        var question = Assert.Single(await db.QueryAsync(
            "SELECT id, asked_at, channel, question, answer, abstained, answerer, latency_ms, notice FROM questions"));
        Assert.Equal<object?>(
            [entry.Id.ToString("D"), entry.AskedAt.ToUnixTimeMilliseconds(), "Command", "Who led the U.S. delegation?",
             "An answer [1].", 0L, "extractive", 500L, "LLM fell back"],
            question);
        var citations = await db.QueryAsync("SELECT number, article_id, title, passage_id, quote FROM citations ORDER BY number");
        Assert.Equal<object?>(
            [1L, "reuters-riyadh", "Talks in Riyadh", entry.Answer.Citations[0].PassageId.ToString("D"), "A quoted sentence."],
            citations[0]);
        Assert.Equal("ap-lavrov", citations[1][1]);
    }

    [Fact]
    public async Task FeedbackIsStoredAgainstItsQuestion()
    {
        using var db = new TempDatabase();
        var entry = Questions.Answered("When did the talks start?");
        await using (var store = db.OpenStore())
        {
            await store.RecordQuestionAsync(entry, Ct);
            Assert.True(await store.RecordFeedbackAsync(entry.Id, "discord:222", FeedbackVote.Down, Ct));
        }

        var vote = Assert.Single(await db.QueryAsync("SELECT question_id, vote FROM feedback"));
        Assert.Equal<object?>([entry.Id.ToString("D"), "down"], vote);
    }

    [Fact]
    public async Task QuestionsAndFeedbackSurviveReopeningTheFileWithANewStore()
    {
        using var db = new TempDatabase();
        var entry = Questions.Abstained("What did the EU say?");
        await using (var first = db.OpenStore())
        {
            await first.RecordQuestionAsync(entry, Ct);
            await first.RecordFeedbackAsync(entry.Id, "discord:222", FeedbackVote.Down, Ct);
        }

        await using var second = db.OpenStore();
        var report = await second.GetReportAsync(null, 5, Ct);

        Assert.Equal((1, 1, 1), (report.Asked, report.Abstained, report.FeedbackDown));
    }

    [Fact]
    public async Task SecondVoteBySameUserReplacesTheFirst()
    {
        using var db = new TempDatabase();
        var entry = Questions.Answered("Where were the talks held?");
        await using var store = db.OpenStore();
        await store.RecordQuestionAsync(entry, Ct);

        await store.RecordFeedbackAsync(entry.Id, "discord:222", FeedbackVote.Up, Ct);
        await store.RecordFeedbackAsync(entry.Id, "discord:222", FeedbackVote.Down, Ct);

        var report = await store.GetReportAsync(null, 5, Ct);
        Assert.Equal((0, 1), (report.FeedbackUp, report.FeedbackDown));
    }

    [Fact]
    public async Task VotesByDifferentUsersAreCountedSeparately()
    {
        using var db = new TempDatabase();
        var entry = Questions.Answered("Where were the talks held?");
        await using var store = db.OpenStore();
        await store.RecordQuestionAsync(entry, Ct);

        await store.RecordFeedbackAsync(entry.Id, "discord:222", FeedbackVote.Up, Ct);
        await store.RecordFeedbackAsync(entry.Id, "discord:333", FeedbackVote.Up, Ct);

        Assert.Equal(2, (await store.GetReportAsync(null, 5, Ct)).FeedbackUp);
    }

    [Fact]
    public async Task FeedbackForAnUnknownQuestionReturnsFalseAndStoresNothing()
    {
        using var db = new TempDatabase();
        await using (var store = db.OpenStore())
        {
            Assert.False(await store.RecordFeedbackAsync(Guid.NewGuid(), "discord:222", FeedbackVote.Up, Ct));
        }

        Assert.Empty(await db.QueryAsync("SELECT * FROM feedback"));
    }

    [Fact]
    public async Task DisabledStoreRecordsNoQuestionsAndCreatesNoFile()
    {
        using var db = new TempDatabase();
        await using var store = db.OpenStore(enabled: false);

        await store.RecordQuestionAsync(Questions.Answered("Who attended?"), Ct);

        Assert.False(File.Exists(db.Path));
    }

    [Fact]
    public async Task RetentionDeletesOlderQuestionsWithTheirCitationsAndFeedbackWhenOpened()
    {
        using var db = new TempDatabase();
        var clock = new FixedTimeProvider(Questions.Start);
        var old = Questions.Answered("Old question", Questions.Cite(1, "a"));
        var recent = Questions.Answered("Recent question") with { AskedAt = Questions.Start.AddDays(25) };
        await using (var store = db.OpenStore(time: clock))
        {
            await store.RecordQuestionAsync(old, Ct);
            await store.RecordFeedbackAsync(old.Id, "discord:1", FeedbackVote.Up, Ct);
            await store.RecordQuestionAsync(recent, Ct);
        }

        clock.Now = Questions.Start.AddDays(31);
        await using (var store = db.OpenStore(retentionDays: 30, time: clock))
        {
            await store.OpenAsync(Ct);
        }

        Assert.Equal<object?>(["Recent question"], Assert.Single(await db.QueryAsync("SELECT question FROM questions")));
        Assert.Empty(await db.QueryAsync("SELECT * FROM citations"));
        Assert.Empty(await db.QueryAsync("SELECT * FROM feedback"));
    }

    [Fact]
    public async Task RecordingTheSameQuestionTwiceKeepsOneCopy()
    {
        using var db = new TempDatabase();
        var entry = Questions.Answered("Who attended?", Questions.Cite(1, "a"));
        await using (var store = db.OpenStore())
        {
            await store.RecordQuestionAsync(entry, Ct);
            await store.RecordQuestionAsync(entry, Ct);
        }

        Assert.Single(await db.QueryAsync("SELECT id FROM questions"));
        Assert.Single(await db.QueryAsync("SELECT article_id FROM citations"));
    }

    [Fact]
    public async Task RetentionRunsAgainADayLaterWithoutReopening()
    {
        using var db = new TempDatabase();
        var clock = new FixedTimeProvider(Questions.Start);
        await using var store = db.OpenStore(retentionDays: 30, time: clock);
        await store.RecordQuestionAsync(Questions.Answered("Old question"), Ct);

        clock.Now = Questions.Start.AddDays(31);
        await store.RecordQuestionAsync(Questions.Answered("New question") with { AskedAt = clock.Now }, Ct);

        Assert.Equal<object?>(["New question"], Assert.Single(await db.QueryAsync("SELECT question FROM questions")));
    }
}
