using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class RunCommandTests(QdrantFixture qdrant)
{
    [Fact]
    public async Task RunWithoutATokenSaysHowToSetItAndPointsAtTheConsolePath()
    {
        var result = await new CliRun(qdrant).RunAsync("run");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Discord__Token", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("./talksbot ask", result.StandardError, StringComparison.Ordinal);
    }
}
