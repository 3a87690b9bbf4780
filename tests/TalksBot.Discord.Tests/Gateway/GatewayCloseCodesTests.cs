using TalksBot.Discord.Gateway;

namespace TalksBot.Discord.Tests.Gateway;

public sealed class GatewayCloseCodesTests
{
    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public void FatalCodesStopTheBot(int code) => Assert.Equal(ConnectionEndKind.Fatal, GatewayCloseCodes.Classify(code));

    [Theory]
    [InlineData(4001)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4007)]
    [InlineData(4009)]
    [InlineData(1000)]
    public void CodesThatEndTheSessionReidentify(int code) => Assert.Equal(ConnectionEndKind.Identify, GatewayCloseCodes.Classify(code));

    [Theory]
    [InlineData(4000)]
    [InlineData(4002)]
    [InlineData(4008)]
    [InlineData(1006)]
    [InlineData(null)]
    public void OtherEndingsResume(int? code) => Assert.Equal(ConnectionEndKind.Resume, GatewayCloseCodes.Classify(code));

    [Theory]
    [InlineData(4004, "Discord:Token")]
    [InlineData(4010, "Discord:ShardId")]
    [InlineData(4011, "Discord:ShardCount")]
    [InlineData(4014, "Message Content Intent")]
    public void FatalExplanationsNameTheFix(int code, string fix) =>
        Assert.Contains(fix, GatewayCloseCodes.Explain(code), StringComparison.Ordinal);
}
