using System.Text.Json;
using TalksBot.Cli;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class SoakCommandTests(QdrantFixture qdrant)
{
    [Fact]
    public async Task AShortSoakAsksAtTheRateAndReportsLatencyAndMemoryByMinute()
    {
        var json = Path.Combine(Directory.CreateTempSubdirectory("talksbot-soak-").FullName, "soak.json");

        var result = await new CliRun(qdrant).RunAsync("soak", "--minutes", "0.05", "--rate", "10", "--json", json);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Soak: latency and memory by minute", result.StandardOutput, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var minute = Assert.Single(report.RootElement.GetProperty("minutes").EnumerateArray());
        // 3 s at 10 a second, on a schedule: about 30, never a burst beyond it.
        Assert.InRange(minute.GetProperty("questions").GetInt32(), 20, 31);
        Assert.Equal(0, minute.GetProperty("failed").GetInt32());
        Assert.True(minute.GetProperty("rssMb").GetDouble() > 0);
    }

    [Fact]
    public void MemoryThatKeepsGrowingPastTheLimitFailsTheSoak()
    {
        SoakCommand.SoakMinute Minute(int n, double rss) => new(n, 1200, 0, 10, 20, rss, 40);

        var steady = SoakCommand.Verdict([Minute(1, 400), Minute(2, 410), Minute(3, 420)], maxGrowth: 0.25);
        var leaking = SoakCommand.Verdict([Minute(1, 400), Minute(2, 480), Minute(3, 560)], maxGrowth: 0.25);

        Assert.True(steady.Passed, steady.Message);
        Assert.False(leaking.Passed, leaking.Message);
        Assert.Contains("+40%", leaking.Message, StringComparison.Ordinal);
    }
}
