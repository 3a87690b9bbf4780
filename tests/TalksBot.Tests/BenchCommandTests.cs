using System.Text.Json;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class BenchCommandTests(QdrantFixture qdrant)
{
    [Fact]
    public async Task ASmallSyntheticBenchWritesEveryFigureAndLeavesNoCollectionBehind()
    {
        var cli = new CliRun(qdrant);
        var json = Path.Combine(cli.StateDirectory, "bench.json");
        var ct = TestContext.Current.CancellationToken;

        var result = await cli.RunAsync("bench", "--scale", "40", "--questions", "12", "--json", json);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Targets", result.StandardOutput, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, ct));
        var root = report.RootElement;
        Assert.Equal(["ask", "ingest", "memory", "machine"], root.EnumerateObject().Select(p => p.Name));

        var ask = root.GetProperty("ask");
        Assert.Equal(["questions", "p50Ms", "p95Ms", "p99Ms", "embedQueryP50Ms", "qdrantHybridP50Ms"], ask.EnumerateObject().Select(p => p.Name));
        Assert.Equal(12, ask.GetProperty("questions").GetInt32());
        var (p50, p95, p99) = (ask.GetProperty("p50Ms").GetDouble(), ask.GetProperty("p95Ms").GetDouble(), ask.GetProperty("p99Ms").GetDouble());
        Assert.True(p50 > 0 && p50 <= p95 && p95 <= p99, $"p50 {p50}, p95 {p95}, p99 {p99}");
        Assert.True(ask.GetProperty("embedQueryP50Ms").GetDouble() > 0);
        Assert.True(ask.GetProperty("qdrantHybridP50Ms").GetDouble() > 0);

        var ingest = root.GetProperty("ingest");
        Assert.Equal(["passages", "passagesPerSecond", "embedderPassagesPerSecond", "rawUpsertPassagesPerSecond"], ingest.EnumerateObject().Select(p => p.Name));
        // The corpus is made until it chunks into at least the asked-for number of passages.
        Assert.InRange(ingest.GetProperty("passages").GetInt32(), 40, 400);
        Assert.All(ingest.EnumerateObject().Select(p => p.Value.GetDouble()), v => Assert.True(v > 0));

        var memory = root.GetProperty("memory");
        Assert.Equal(["rssMbAfterLoad", "rssMbAfterQuestions"], memory.EnumerateObject().Select(p => p.Name));
        Assert.All(memory.EnumerateObject().Select(p => p.Value.GetDouble()), v => Assert.True(v > 0));
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.True(root.GetProperty("machine").GetProperty("loadAverage").GetDouble() >= 0);

        // Its own index, the scratch collection of the raw upsert and its alias are gone; the served one was never built.
        var client = qdrant.CreateClient();
        Assert.DoesNotContain(await client.ListCollectionsAsync(ct), c => c.StartsWith("talks_bench_", StringComparison.Ordinal));
        Assert.DoesNotContain(await client.ListAliasesAsync(ct), a => a.AliasName.StartsWith("talks_bench_", StringComparison.Ordinal));
        Assert.Null(await client.ResolveAliasAsync(cli.Alias, ct));
    }
}
