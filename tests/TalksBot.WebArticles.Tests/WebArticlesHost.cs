using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalksBot.WebArticles.Fetching;
using TalksBot.WebArticles.Importing;

namespace TalksBot.WebArticles.Tests;

/// <summary>The services as the executable wires them (through AddWebArticles), with settings for a loopback test site.</summary>
internal sealed class WebArticlesHost : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly IHost _host;

    public WebArticlesHost(bool allowPrivateAddresses = true, int? maxBytes = null, int? maxRedirects = null, string? timeout = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = new Dictionary<string, string?> { ["WebArticles:UnsafeAllowPrivateNetworkFetches"] = allowPrivateAddresses ? "true" : "false" };
        if (maxBytes is { } bytes)
            settings["WebArticles:MaxBytes"] = bytes.ToString(CultureInfo.InvariantCulture);
        if (maxRedirects is { } redirects)
            settings["WebArticles:MaxRedirects"] = redirects.ToString(CultureInfo.InvariantCulture);
        if (timeout is not null)
            settings["WebArticles:Timeout"] = timeout;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        builder.AddWebArticles();
        _host = builder.Build();
    }

    public IArticleImporter Importer => _host.Services.GetRequiredService<IArticleImporter>();

    internal SafeWebFetcher Fetcher => _host.Services.GetRequiredService<SafeWebFetcher>();

    public void Dispose() => _host.Dispose();

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
