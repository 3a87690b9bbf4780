using Microsoft.Extensions.Options;

namespace TalksBot.Discord.Tests;

public sealed class DiscordOptionsTests
{
    private static ValidateOptionsResult Validate(DiscordOptions options) => new DiscordOptionsValidator().Validate(null, options);

    [Fact]
    public void AMissingTokenIsReportedByKey()
    {
        var result = Validate(new DiscordOptions());

        Assert.True(result.Failed);
        Assert.Contains("Discord:Token", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AShardIdOutsideTheShardCountIsRejected()
    {
        var result = Validate(new DiscordOptions { Token = "t", ShardId = 2, ShardCount = "2" });

        Assert.Contains("Discord:ShardId must be less than Discord:ShardCount", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10001")]
    [InlineData("")]
    public void AShardCountThatIsNeitherANumberNorAutoIsRejectedByKey(string count)
    {
        var result = Validate(new DiscordOptions { Token = "t", ShardCount = count });

        Assert.Contains("Discord:ShardCount must be a whole number from 1 to 10000, or 'auto'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("AUTO")]
    [InlineData("4")]
    public void AShardCountMayBeANumberOrAuto(string count) =>
        Assert.True(Validate(new DiscordOptions { Token = "t", ShardId = 3, ShardCount = count }).Succeeded);

    [Fact]
    public void ANonHttpApiBaseUrlIsRejected()
    {
        var result = Validate(new DiscordOptions { Token = "t", ApiBaseUrl = new Uri("ftp://example.org/api/v10") });

        Assert.Contains("Discord:ApiBaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ATokenWithTheBotPrefixIsRejectedWithoutEchoingIt()
    {
        var result = Validate(new DiscordOptions { Token = "Bot secret-value" });

        Assert.Contains("Discord:Token", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void QueueCapacitiesOutsideTheirRangeStopStartUpNamingTheSetting()
    {
        var result = Validate(new DiscordOptions { Token = "t", EventQueueCapacity = 0, AnswerQueueCapacity = 100_001 });

        // The generated validator words range failures itself ("The field DiscordOptions.X must be ..."), naming the property.
        Assert.Contains("EventQueueCapacity", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("AnswerQueueCapacity", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AConversationIdleTimeOfZeroStopsStartUpNamingTheSetting()
    {
        var result = Validate(new DiscordOptions { Token = "t", ConversationIdleMinutes = 0 });

        Assert.Contains("ConversationIdleMinutes", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ConversationsIdleForThirtyMinutesEndByDefault() => Assert.Equal(30, new DiscordOptions().ConversationIdleMinutes);

    [Fact]
    public void HttpIsAcceptedSoALocalFakeCanStandIn() =>
        Assert.True(Validate(new DiscordOptions { Token = "t", ApiBaseUrl = new Uri("http://127.0.0.1:5000/api/v10") }).Succeeded);
}
