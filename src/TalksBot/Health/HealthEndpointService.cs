using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Discord;
using TalksBot.Qdrant.Index;

namespace TalksBot.Health;

/// <summary>
/// Serves <c>/health/live</c> (the process answers) and <c>/health/ready</c> (connected to Discord and an index served)
/// on <c>Health:Port</c>, with ASP.NET Core's health checks on a Kestrel of its own, so an orchestrator can restart a
/// stuck bot and hold traffic until it can answer. Off when the port is 0.
/// </summary>
internal sealed partial class HealthEndpointService(
    IOptions<HealthOptions> options,
    IServiceProvider services,
    ILogger<HealthEndpointService> logger) : IHostedService, IAsyncDisposable
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Port == 0)
            return;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Parse(settings.BindAddress), settings.Port));
        // The bot's own log says what matters; Kestrel's per-request lines would drown it at every probe.
        builder.Logging.ClearProviders();
        var status = services.GetService<DiscordBotStatus>();
        var writer = services.GetRequiredService<PassageIndexWriter>();
        builder.Services.AddHealthChecks()
            .AddCheck("discord", () => status is null || status.IsConnected
                ? HealthCheckResult.Healthy("connected to the Discord gateway")
                : HealthCheckResult.Unhealthy("not connected to the Discord gateway"), [ReadyTag])
            .AddAsyncCheck("index", async token => await writer.GetServingManifestAsync(token) is { } manifest
                ? HealthCheckResult.Healthy($"serving {manifest.ArticleCount} articles")
                : HealthCheckResult.Unhealthy("no article index is served yet"), [ReadyTag]);
        _app = builder.Build();
        // Live runs no check: a process that answers HTTP is alive; Qdrant or Discord being away is not a reason to restart it.
        _app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        _app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        await _app.StartAsync(cancellationToken);
        LogListening(settings.BindAddress, settings.Port);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [LoggerMessage(6001, LogLevel.Information, "Health endpoints on http://{Address}:{Port}/health/live and /health/ready")]
    private partial void LogListening(string address, int port);
}
