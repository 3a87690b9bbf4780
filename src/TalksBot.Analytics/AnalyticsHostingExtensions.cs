using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using TalksBot.Core.Analytics;

namespace TalksBot.Analytics;

public static class AnalyticsHostingExtensions
{
    /// <summary>
    /// Registers the <see cref="AnalyticsStore"/> that <c>Analytics:Provider</c> names (SQLite by default, or PostgreSQL)
    /// as itself, <see cref="IQuestionLog"/> and <see cref="IAuditLog"/> (one singleton; the database is opened on first
    /// use) with validated <see cref="AnalyticsOptions"/>; and, for PostgreSQL, the one <see cref="NpgsqlDataSource"/>
    /// (connection pool) the store and the refresh lock share.
    /// </summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<AnalyticsOptions>()
            .Bind(builder.Configuration.GetSection(AnalyticsOptions.Section));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Only resolved with Analytics:Provider postgres, whose validation (run by .Value) requires the connection string.
        builder.Services.TryAddSingleton(services => NpgsqlDataSource.Create(
            services.GetRequiredService<IOptions<AnalyticsOptions>>().Value.ConnectionString!));
        builder.Services.TryAddSingleton<AnalyticsStore>(services =>
            services.GetRequiredService<IOptions<AnalyticsOptions>>().Value.Provider == AnalyticsProvider.Postgres
                ? ActivatorUtilities.CreateInstance<PostgresAnalyticsStore>(services)
                : ActivatorUtilities.CreateInstance<SqliteAnalyticsStore>(services));
        builder.Services.TryAddSingleton<IQuestionLog>(services => services.GetRequiredService<AnalyticsStore>());
        builder.Services.TryAddSingleton<IAuditLog>(services => services.GetRequiredService<AnalyticsStore>());
        return builder;
    }
}
