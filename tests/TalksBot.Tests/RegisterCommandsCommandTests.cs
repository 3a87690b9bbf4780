using System.Net;
using System.Net.Sockets;
using TalksBot.Testing.FakeDiscord;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class RegisterCommandsCommandTests(QdrantFixture qdrant)
{
    [Fact]
    public async Task RegisterCommandsOverwritesTheCommandsRunServesThenExitsWithoutConnectingToTheGateway()
    {
        await using var discord = await FakeDiscordServer.StartAsync();

        var result = await new CliRun(qdrant).RunAsync("register-commands", "-c", "Discord:Token=register-token", "-c", $"Discord:ApiBaseUrl={discord.ApiBaseUrl}");

        Assert.True(result.ExitCode == 0, result.ToString());
        var put = Assert.Single(discord.Requests, r => r.Method == "PUT");
        Assert.Equal($"/applications/{discord.ApplicationId}/commands", put.Path);
        var names = put.Json.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("ask", names);
        Assert.Contains("refresh", names);
        Assert.Contains($"Registered {names.Count} commands globally.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(discord.Connections);
    }

    [Fact]
    public async Task RegisterCommandsWithoutATokenIsAConfigurationError()
    {
        var result = await new CliRun(qdrant).RunAsync("register-commands");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Discord:Token is not set", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterCommandsStoppedWhileDiscordHasNotAnsweredSaysCancelledWithTheCancelledExitCode()
    {
        // A Discord that takes the request and never answers: the registration is still waiting when the stop comes.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptTcpClientAsync(TestContext.Current.CancellationToken).AsTask();

        var result = await new CliRun(qdrant).RunAsync(() => Task.FromResult(accepted.IsCompleted),
            "register-commands", "-c", "Discord:Token=register-token", "-c", $"Discord:ApiBaseUrl=http://{silent.LocalEndpoint}/");

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("talksbot: Cancelled.", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("register-token", result.ToString(), StringComparison.Ordinal);
        (await accepted).Dispose();
    }
}
