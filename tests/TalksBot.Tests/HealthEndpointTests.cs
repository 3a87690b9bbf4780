using System.Net;
using TalksBot.Testing.FakeDiscord;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class HealthEndpointTests(QdrantFixture qdrant)
{
    private const string Token = "health-bot-token.Secret";

    [Fact]
    public async Task RunIsLiveAndBecomesReadyOnceConnectedToDiscordWithAnIndexServed()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        var port = LoopbackPorts.Free(1)[0];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var cli = new CliRun(qdrant);
        cli.UseArticleCopy();
        (HttpStatusCode? Live, HttpStatusCode? Ready, string Body) seen = default;

        var result = await cli.RunAsync(async () =>
        {
            seen = (await StatusAsync(http, port, "live"), await StatusAsync(http, port, "ready"), await BodyAsync(http, port, "ready"));
            return seen.Ready == HttpStatusCode.OK;
        }, "run", "-c", $"Discord:Token={Token}", "-c", $"Discord:ApiBaseUrl={discord.ApiBaseUrl}", "-c", $"Health:Port={port}");

        // A stop by SIGTERM while connected is a clean stop, not a failure a supervisor would restart.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(HttpStatusCode.OK, seen.Live);
        Assert.True(seen.Body == "Healthy", result.ToString());
        Assert.DoesNotContain("fail:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunThatCannotReachDiscordIsLiveButNotReady()
    {
        var ports = LoopbackPorts.Free(2);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var cli = new CliRun(qdrant);
        cli.UseArticleCopy();
        (HttpStatusCode? Live, HttpStatusCode? Ready) seen = default;
        var probes = 0;

        // Nothing listens at the Discord address: the gateway lookup keeps failing and retrying.
        var result = await cli.RunAsync(async () =>
        {
            seen = (await StatusAsync(http, ports[1], "live"), await StatusAsync(http, ports[1], "ready"));
            return seen.Live == HttpStatusCode.OK && ++probes >= 40;
        }, "run", "-c", $"Discord:Token={Token}", "-c", $"Discord:ApiBaseUrl=http://127.0.0.1:{ports[0]}/api/v10/", "-c", $"Health:Port={ports[1]}");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(HttpStatusCode.OK, seen.Live);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, seen.Ready);
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, int port, string probe)
    {
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/{probe}"), TestContext.Current.CancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
        catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null; // a probe that timed out on a loaded machine: the next one asks again
        }
    }

    private static async Task<string> BodyAsync(HttpClient http, int port, string probe)
    {
        try
        {
            return await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/health/{probe}"), TestContext.Current.CancellationToken);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }
}
