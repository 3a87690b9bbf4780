using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TalksBot.WebArticles.Tests;

public sealed class WebArticlesOptionsTests
{
    [Fact]
    public async Task BadSettingStopsStartUpNamingTheKey()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["WebArticles:MaxRedirects"] = "99" });
        builder.AddWebArticles();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("MaxRedirects", error.Message, StringComparison.Ordinal);
    }
}
