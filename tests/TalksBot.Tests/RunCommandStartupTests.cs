using TalksBot.Testing.FakeDiscord;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class RunCommandStartupTests(QdrantFixture qdrant)
{
    [Fact]
    public async Task RunBuildsTheInitialIndexOnAnEmptyMachineEvenWithTheFolderWatcherOff()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var cli = new CliRun(qdrant);
        cli.UseArticleCopy();
        var client = qdrant.CreateClient();
        var served = false;

        var result = await cli.RunAsync(
            async () => served = await client.ResolveAliasAsync(cli.Alias, TestContext.Current.CancellationToken) is not null,
            "run", "-c", "Discord:Token=test-token", "-c", $"Discord:ApiBaseUrl={discord.ApiBaseUrl}", "-c", "Refresh:WatchArticles=false");

        Assert.True(served, result.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
