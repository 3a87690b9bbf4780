using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Tests.Rest;

public sealed class SecretRedactorTests
{
    [Fact]
    public void TheTokenIsRemovedFromText() =>
        Assert.Equal("bad token [redacted] here", new SecretRedactor("abc.DEF").Redact("bad token abc.DEF here"));
}
