using TalksBot.Hosting;

namespace TalksBot.Tests;

public sealed class ConfigurationOverrideTests
{
    [Fact]
    public void AKeyGivenTwiceTakesTheLaterValueWhateverItsCase()
    {
        var parsed = TalksBotHost.ParseOverrides(["Llm:Endpoint=", "Qdrant:Url=http://a:6333", "llm:endpoint=http://b/v1"]);

        Assert.Equal("http://b/v1", Assert.Single(parsed, p => p.Key.Equals("Llm:Endpoint", StringComparison.OrdinalIgnoreCase)).Value);
        Assert.Equal("http://a:6333", parsed["Qdrant:Url"]);
    }

    [Fact]
    public void APairWithoutAnEqualsSignSaysWhatToWrite()
    {
        var error = Assert.Throws<ConfigurationOverrideException>(() => TalksBotHost.ParseOverrides(["Qdrant:Url"]));

        Assert.Contains("Key=Value", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"Qdrant:Url\"", error.Message, StringComparison.Ordinal);
    }
}
