using TalksBot.Testing.FakeDiscord;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class RunCommandDiscordTests(QdrantFixture qdrant)
{
    private const string Token = "rejected-bot-token.Secret";

    [Fact]
    public async Task RunExitsWithAFailureAndSaysWhyWhenDiscordRejectsTheToken()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        discord.Enqueue(new ScriptedResponse(r => r.Path.EndsWith("/gateway/bot", StringComparison.Ordinal), 401, """{"message":"401: Unauthorized","code":0}"""));
        var cli = new CliRun(qdrant);
        cli.UseArticleCopy();

        var result = await cli.RunAsync("run", "-c", $"Discord:Token={Token}", "-c", $"Discord:ApiBaseUrl={discord.ApiBaseUrl}");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.True(result.StandardError.Contains("The Discord bot stopped: Discord rejected the bot token", StringComparison.Ordinal), result.ToString());
        Assert.DoesNotContain(Token, result.StandardError + result.StandardOutput, StringComparison.Ordinal);
    }
}
