using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class ChatCommandTests(QdrantFixture qdrant)
{
    [Fact]
    public async Task ChatOpensWithTheBannerIgnoresEmptyLinesAndLeavesOnQuit()
    {
        var result = await new CliRun(qdrant)
            .WithInput("\n   \nWho led the Russian delegation?\n\n/quit\nWho led the U.S. delegation?\n")
            .RunAsync("chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Ask about the articles", result.StandardOutput.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("/quit or Ctrl+D leaves", result.StandardOutput, StringComparison.Ordinal);
        // The empty lines before the question neither ended the chat nor asked anything; /quit ended it before the last line.
        Assert.Contains("Lavrov", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Rubio", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatEndsAtTheEndOfInput()
    {
        var result = await new CliRun(qdrant).WithInput("Who led the Russian delegation?\n").RunAsync("chat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Lavrov", result.StandardOutput, StringComparison.Ordinal);
    }
}
