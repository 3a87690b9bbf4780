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

        var store = host.Services.GetRequiredService<AnalyticsStore>();

        Assert.IsType<SqliteAnalyticsStore>(store);
        Assert.Same(store, host.Services.GetRequiredService<IQuestionLog>());
        Assert.Same(store, host.Services.GetRequiredService<IAuditLog>());
        Assert.False(File.Exists(db.Path));
    }

    [Fact]
    public void ProviderPostgresRegistersThePostgresStoreWithoutConnecting()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["Analytics:Provider"] = "postgres";
        // Nothing listens on port 1: resolving must not connect.
        builder.Configuration["Analytics:ConnectionString"] = "Host=127.0.0.1;Port=1;Database=talksbot;Username=bot";
        builder.AddAnalytics();
        using var host = builder.Build();

        var store = host.Services.GetRequiredService<AnalyticsStore>();

        Assert.Equal("postgres://127.0.0.1:1/talksbot", Assert.IsType<PostgresAnalyticsStore>(store).Location);
        Assert.Same(store, host.Services.GetRequiredService<IQuestionLog>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host=db;Password=s3cret-pw;Bogus Key=1")]
    public void PostgresWithoutAUsableConnectionStringStopsStartUpNamingTheKeyButNotThePassword(string connectionString)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration["Analytics:Provider"] = "postgres";
        builder.Configuration["Analytics:ConnectionString"] = connectionString;
        builder.AddAnalytics();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AnalyticsOptions>>().Value);

        Assert.Contains("Analytics:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
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
