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
}
