using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalksBot.Testing.Logging;

namespace TalksBot.WebArticles.Tests.Fetching;

public sealed class UnsafeFetchWarningTests
{
    [Fact]
    public async Task StartUpWarnsWhilePrivateNetworkFetchesAreAllowed()
    {
        var logs = await StartAsync(unsafeFetches: true);

        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.EventId.Id == 2206 && e.Message.Contains("SSRF protection is OFF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartUpSaysNothingWhenTheProtectionIsOn()
    {
        var logs = await StartAsync(unsafeFetches: false);

        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 2206);
    }

    private static async Task<CapturingLoggerProvider> StartAsync(bool unsafeFetches)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["WebArticles:UnsafeAllowPrivateNetworkFetches"] = unsafeFetches ? "true" : "false" });
        var logs = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.AddWebArticles();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);
        return logs;
    }
}
