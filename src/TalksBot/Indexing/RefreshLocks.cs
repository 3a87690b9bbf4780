using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TalksBot.Analytics;

namespace TalksBot.Indexing;

/// <summary>Picks the refresh lock: where the analytics are shared through PostgreSQL, so is the lock.</summary>
internal static class RefreshLocks
{
    public static IRefreshLock Create(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AnalyticsOptions>>().Value.Provider == AnalyticsProvider.Postgres
            ? new PostgresRefreshLock(services.GetRequiredService<NpgsqlDataSource>())
            : new RefreshLock(services.GetRequiredService<IOptions<RefreshOptions>>());
}
