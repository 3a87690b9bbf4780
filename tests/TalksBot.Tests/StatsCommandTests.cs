using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class StatsCommandTests(QdrantFixture qdrant)
{
    [Fact]
    public async Task SinceYesterdayCountsTheQuestionsAskedSince()
    {
        var run = new CliRun(qdrant);
        await run.RunAsync("ask", "Who led the Russian delegation?");

        var result = await run.RunAsync("stats", "--since", "yesterday");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Window\s*│\s*since \d{4}-\d{2}-\d{2}", result.StandardOutput);
        Assert.Matches(@"Questions asked\s*│\s*1\s", result.StandardOutput);
    }

    [Fact]
    public async Task AnUnreadableSinceIsOnePlainSentenceSayingWhatToWrite()
    {
        var result = await new CliRun(qdrant).RunAsync("stats", "--since", "banana");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--since 'banana' is not a time I can read; write a date (2025-02-18)", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.StandardError, StringComparison.Ordinal);
    }
}
