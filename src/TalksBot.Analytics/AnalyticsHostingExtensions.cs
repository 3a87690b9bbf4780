using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TalksBot.Core.Analytics;

namespace TalksBot.Analytics;

public static class AnalyticsHostingExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteAnalyticsStore"/> as itself, <see cref="IQuestionLog"/> and <see cref="IAuditLog"/>
    /// (one singleton; the file is opened on first use) with validated <see cref="AnalyticsOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAnalytics(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptionsWithValidateOnStart<AnalyticsOptions>()
            .Bind(builder.Configuration.GetSection(AnalyticsOptions.Section));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AnalyticsOptions>, AnalyticsOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<SqliteAnalyticsStore>();
        builder.Services.TryAddSingleton<IQuestionLog>(services => services.GetRequiredService<SqliteAnalyticsStore>());
        builder.Services.TryAddSingleton<IAuditLog>(services => services.GetRequiredService<SqliteAnalyticsStore>());
        return builder;
    }
}
