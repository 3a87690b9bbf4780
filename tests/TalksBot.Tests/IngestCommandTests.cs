using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class IngestCommandTests(QdrantFixture qdrant)
{
    [Fact]
    public async Task IngestIndexesTheGoodFilesAndReportsEachSkippedFileWithExitCodeThree()
    {
        var folder = Directory.CreateTempSubdirectory("talksbot-articles-").FullName;
        foreach (var seed in Directory.GetFiles(Path.Combine(QdrantInstallation.RepositoryRoot, "data", "articles")))
            File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)));
        await File.WriteAllTextAsync(Path.Combine(folder, "empty.txt"), "   \n", TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, "broken.txt"), [0x41, 0xC3, 0x28, 0x42], TestContext.Current.CancellationToken);

        var result = await new CliRun(qdrant).RunAsync("ingest", "--path", folder);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("Indexed 4 articles", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("empty.txt", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("broken.txt", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IngestingTheSameFolderTwiceDoesNotRebuild()
    {
        var run = new CliRun(qdrant);

        var first = await run.RunAsync("ingest");
        var second = await run.RunAsync("ingest");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Indexed 4 articles", first.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Unchanged, already serving 4 articles", second.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARebuildKilledHalfwayLeavesTheOldIndexServingAndTheNextStartRemovesWhatItLeft()
    {
        var ct = TestContext.Current.CancellationToken;
        var run = new CliRun(qdrant);
        var client = qdrant.CreateClient();
        Assert.True((await run.RunAsync("ingest")) is { ExitCode: 0 } first, "the first ingest failed");
        var served = await client.ResolveAliasAsync(run.Alias, ct);
        var before = await Versions(client, run, ct);

        // Killed once the new collection exists and before the alias moves to it: mid-build. The rebuild reads a folder
        // large enough (1,503 passages, about 40 s to embed) that the kill always lands before the swap.
        var large = Path.GetFullPath(Path.Combine(QdrantInstallation.RepositoryRoot, "..", "shared", "squad-dev", "articles"));
        Assert.True(Directory.Exists(large), $"{large} is missing: the held-out articles live beside the repository");
        var killed = await run.RunUntilKilledAsync(
            async () => (await Versions(client, run, ct)).Count > before.Count,
            "ingest", "--force", "--path", large);

        Assert.Equal(137, killed.ExitCode);
        Assert.Equal(served, await client.ResolveAliasAsync(run.Alias, ct));
        Assert.True((await Versions(client, run, ct)).Count > before.Count, "the killed build left nothing behind to clean up");
        var next = await run.RunAsync("ask", "Who led the Russian delegation?");
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains("Lavrov", next.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(before, await Versions(client, run, ct));
    }

    private static async Task<List<string>> Versions(TalksBot.Qdrant.Store.QdrantIndexClient client, CliRun run, CancellationToken ct) =>
        [.. (await client.ListCollectionsAsync(ct)).Where(c => c.StartsWith(run.CollectionPrefix + "_v", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
}
