using Microsoft.Extensions.Options;

namespace TalksBot.Analytics;

[OptionsValidator]
internal sealed partial class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>;
