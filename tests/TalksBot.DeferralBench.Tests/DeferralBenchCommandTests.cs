using System.Diagnostics;
using System.Text.Json;

namespace TalksBot.DeferralBench.Tests;

/// <summary>The bench program run as a process, as scripts/bench.sh runs it; figures are checked for shape, never against a time.</summary>
public sealed class DeferralBenchCommandTests
{
    private static readonly string[] Percentiles = ["p50Ms", "p95Ms", "p99Ms", "maxMs"];

    [Fact]
    public async Task ASmallBurstIsDeferredAndAnsweredOnceAndWrittenAsJson()
    {
        var json = Path.Combine(Directory.CreateTempSubdirectory("talksbot-deferral-test-").FullName, "deferral.json");

        // The hashing embedder keeps the bot's start-up short; the figures' shape does not depend on it.
        var (exitCode, output) = await RunAsync("--interactions", "5", "--warmup", "1", "--json", json, "--set", "Embeddings:Provider=Hashing");

        Assert.True(exitCode == 0, output);
        Assert.Contains("answered exactly once: 5 of 5", output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var deferral = report.RootElement.GetProperty("deferral");
        Assert.Equal(5, deferral.GetProperty("interactions").GetInt32());
        Assert.Equal(5, deferral.GetProperty("answeredOnce").GetInt32());
        var percentiles = Percentiles.Select(p => deferral.GetProperty(p).GetDouble()).ToList();
        Assert.True(percentiles[0] > 0, output);
        Assert.Equal(percentiles.Order(), percentiles);
        var machine = report.RootElement.GetProperty("machine");
        Assert.Equal(Environment.ProcessorCount, machine.GetProperty("cores").GetInt32());
        Assert.True(machine.GetProperty("loadAverage").GetDouble() >= 0);
    }

    [Fact]
    public async Task ABadOptionStopsTheBenchNamingIt()
    {
        var (exitCode, output) = await RunAsync("--interactions", "lots");

        Assert.Equal(2, exitCode);
        Assert.Contains("--interactions must be a whole number", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TalksBot.DeferralBench.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        // Generous: the bench starts Qdrant and the bot on a machine shared with builds.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
