using TalksBot.Analytics.Reports;
using TalksBot.Core.Analytics;
using TalksBot.Testing.Postgres;

namespace TalksBot.Analytics.Tests.Reports;

public sealed class ProviderAgreementTests(PostgresFixture server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    public async Task TheReportIsTheSameOnSqliteAndPostgresForTheSameQuestions(int? sinceDays)
    {
        var time = new FixedTimeProvider(Questions.Start.AddDays(3));
        var since = sinceDays is { } days ? Questions.Start.AddDays(days) : (DateTimeOffset?)null;
        var (entries, votes) = History();
        using var sqliteFile = new TempDatabase();
        await using var postgresDatabase = await TempPostgresDatabase.CreateAsync(server);
        await using var sqlite = sqliteFile.OpenStore(time: time);
        await using var postgres = postgresDatabase.OpenStore(time);

        var fromSqlite = await RecordAndReportAsync(sqlite, entries, votes, since);
        var fromPostgres = await RecordAndReportAsync(postgres, entries, votes, since);

        Assert.Equal(sinceDays is null ? entries.Count : 7, fromSqlite.Asked);
        Assert.NotEmpty(fromSqlite.MostCited);
        Assert.NotEmpty(fromSqlite.Gaps);
        Assert.Equal(AnalyticsReportRenderer.ToMarkdown(fromSqlite), AnalyticsReportRenderer.ToMarkdown(fromPostgres));
        Assert.Equal(fromSqlite.MostCited, fromPostgres.MostCited);
        Assert.Equal(fromSqlite.Gaps.Select(g => (g.Question, g.Count)), fromPostgres.Gaps.Select(g => (g.Question, g.Count)));
    }

    private static async Task<AnalyticsReport> RecordAndReportAsync(
        AnalyticsStore store, IReadOnlyList<QuestionLogEntry> entries, IReadOnlyList<(int Entry, string? User, FeedbackVote Vote)> votes, DateTimeOffset? since)
    {
        foreach (var entry in entries)
        {
            await store.RecordQuestionAsync(entry, Ct);
        }

        foreach (var (index, user, vote) in votes)
        {
            await store.RecordFeedbackAsync(entries[index].Id, user, vote, Ct);
        }

        return await store.GetReportAsync(since, 3, Ct);
    }

    // Ten questions over three days: citation ties between article ids that sort differently by locale than by byte
    // ("B-2" vs "a_1"), retitled articles, abstentions that cluster, votes replaced and anonymous ones.
    private static (IReadOnlyList<QuestionLogEntry> Entries, IReadOnlyList<(int, string?, FeedbackVote)> Votes) History()
    {
        QuestionLogEntry At(QuestionLogEntry entry, int hours, int latencyMs) =>
            entry with { AskedAt = Questions.Start.AddHours(hours), Latency = TimeSpan.FromMilliseconds(latencyMs) };
        List<QuestionLogEntry> entries =
        [
            At(Questions.Answered("Who led the delegation?", Questions.Cite(1, "a_1", "Talks")), 1, 420),
            At(Questions.Answered("Where did they meet?", Questions.Cite(1, "B-2", "Venue"), Questions.Cite(2, "B-2", "Venue")), 2, 380),
            At(Questions.Answered("When did the talks start?", Questions.Cite(1, "a_1", "Talks, day one")), 26, 910),
            At(Questions.Answered("Who hosted them?", Questions.Cite(1, "B-2", "The venue"), Questions.Cite(2, "c"), Questions.Cite(3, "Zeta")), 27, 150),
            At(Questions.Abstained("What is the weather in Riyadh?"), 28, 1200),
            At(Questions.Abstained("What was the weather in Riyadh?"), 29, 1250),
            At(Questions.Abstained("Who won the football match?"), 50, 640),
            At(Questions.Answered("What was agreed?", Questions.Cite(1, "zeta")), 51, 700),
            At(Questions.Answered("What did the minister say?", Questions.Cite(1, "c")), 52, 90),
            At(Questions.Answered("How long did it last?"), 3, 2000),
        ];
        List<(int, string?, FeedbackVote)> votes =
        [
            (0, "u1", FeedbackVote.Up), (0, "u2", FeedbackVote.Up), (0, "u3", FeedbackVote.Down),
            (3, "u1", FeedbackVote.Down), (3, "u2", FeedbackVote.Down), (3, "u1", FeedbackVote.Up), (3, null, FeedbackVote.Down),
            (7, "u1", FeedbackVote.Down), (7, null, FeedbackVote.Down), (7, null, FeedbackVote.Up),
        ];
        return (entries, votes);
    }
}
