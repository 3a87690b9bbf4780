using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TalksBot.WebArticles.Tests;

public sealed class WebArticlesOptionsTests
{
    [Theory]
    [InlineData("MaxRedirects", "99")]
    [InlineData("MaxBytes", "10")]
    [InlineData("Timeout", "00:00:00")]
    [InlineData("UserAgent", "")]
    public async Task BadSettingStopsStartUpNamingTheKey(string key, string value)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"WebArticles:{key}"] = value });
        builder.AddWebArticles();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
