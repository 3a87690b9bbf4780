using System.Text;
using TalksBot.Core.Analytics;

namespace TalksBot.Analytics.Tests.Storage;

public sealed class UserIdPrivacyTests
{
    private const string RawId = "discord:987654321012345678";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UserIdsAreHashedByDefaultAndTheRawIdIsNowhereInTheFile()
    {
        using var db = new TempDatabase();
        var entry = Questions.Abstained("Who attended?", userId: RawId);
        await using (var store = db.OpenStore())
        {
            await store.RecordQuestionAsync(entry, Ct);
            await store.RecordFeedbackAsync(entry.Id, RawId, FeedbackVote.Down, Ct);
        }

        var stored = (string?)Assert.Single(await db.QueryAsync("SELECT user_hash FROM questions"))[0];
        Assert.NotNull(stored);
        Assert.DoesNotContain("987654321012345678", stored, StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(db.Path, Ct));
        Assert.Contains("Who attended?", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("987654321012345678", bytes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashedUserIdIsStableAcrossReopening()
    {
        using var db = new TempDatabase();
        await using (var first = db.OpenStore())
        {
            await first.RecordQuestionAsync(Questions.Abstained("First", userId: RawId), Ct);
        }

        await using (var second = db.OpenStore())
        {
            await second.RecordQuestionAsync(Questions.Abstained("Second", userId: RawId), Ct);
        }

        var hashes = await db.QueryAsync("SELECT DISTINCT user_hash FROM questions");
        Assert.Single(hashes);
    }

    [Fact]
    public async Task TheSameUserHashesDifferentlyInAnotherDatabase()
    {
        using var one = new TempDatabase();
        using var other = new TempDatabase();
        foreach (var db in new[] { one, other })
        {
            await using var store = db.OpenStore();
            await store.RecordQuestionAsync(Questions.Abstained("Who attended?", userId: RawId), Ct);
        }

        Assert.NotEqual(
            Assert.Single(await one.QueryAsync("SELECT user_hash FROM questions"))[0],
            Assert.Single(await other.QueryAsync("SELECT user_hash FROM questions"))[0]);
    }

    [Fact]
    public async Task UserIdsAreStoredAsGivenWhenHashingIsTurnedOff()
    {
        using var db = new TempDatabase();
        await using (var store = db.OpenStore(hashUserIds: false))
        {
            await store.RecordQuestionAsync(Questions.Abstained("Who attended?", userId: RawId), Ct);
        }

        Assert.Equal<object?>([RawId], Assert.Single(await db.QueryAsync("SELECT user_hash FROM questions")));
    }
}
