using TalksBot.Core.Analytics;
using TalksBot.Discord.Replies;

namespace TalksBot.Discord.Tests.Replies;

public sealed class FeedbackButtonsTests
{
    [Theory]
    [InlineData(FeedbackVote.Up)]
    [InlineData(FeedbackVote.Down)]
    public void ACustomIdRoundTripsTheVoteAndQuestion(FeedbackVote vote)
    {
        var id = Guid.NewGuid();

        Assert.True(FeedbackButtons.TryParse(FeedbackButtons.CustomId(vote, id), out var parsedVote, out var parsedId));

        Assert.Equal((vote, id), (parsedVote, parsedId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("fb:sideways:0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("fb:up:not-a-guid")]
    [InlineData("other:up:0f8fad5b-d9cb-469f-a165-70867728950e")]
    public void ForeignOrMalformedCustomIdsAreRejected(string? customId) =>
        Assert.False(FeedbackButtons.TryParse(customId, out _, out _));

    [Fact]
    public void CustomIdsFitDiscordsLimit() =>
        Assert.True(FeedbackButtons.CustomId(FeedbackVote.Down, Guid.NewGuid()).Length <= 100);
}
