using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TalksBot.WebArticles.Fetching;

/// <summary>Says at start-up, every time, that SSRF protection is off, so the setting cannot sit unnoticed in production.</summary>
internal sealed partial class UnsafeFetchWarning(IOptions<WebArticlesOptions> options, ILogger<UnsafeFetchWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.UnsafeAllowPrivateNetworkFetches)
        {
            LogUnsafe();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(2206, LogLevel.Warning,
        "WebArticles:UnsafeAllowPrivateNetworkFetches is on: article imports can reach loopback and private networks (SSRF protection is OFF). Turn it off outside tests.")]
    private partial void LogUnsafe();
}
