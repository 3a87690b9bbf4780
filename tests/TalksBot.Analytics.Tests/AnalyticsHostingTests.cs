using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TalksBot.Core.Analytics;

namespace TalksBot.Analytics.Tests;

public sealed class AnalyticsHostingTests
{
    [Fact]
    public void AddAnalyticsRegistersOneStoreAsQuestionLogAndAuditLogWithoutOpeningTheFile()
    {
        using var db = new TempDatabase();
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["Analytics:DatabasePath"] = db.Path;
        builder.AddAnalytics();
        using var host = builder.Build();

        var store = host.Services.GetRequiredService<SqliteAnalyticsStore>();

        Assert.Same(store, host.Services.GetRequiredService<IQuestionLog>());
        Assert.Same(store, host.Services.GetRequiredService<IAuditLog>());
        Assert.False(File.Exists(db.Path));
    }

    [Theory]
    [InlineData("Analytics:RetentionDays", "-1")]
    [InlineData("Analytics:DatabasePath", "")]
    public void InvalidSettingStopsStartUpNamingTheKey(string key, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration[key] = value;
        builder.AddAnalytics();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AnalyticsOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
