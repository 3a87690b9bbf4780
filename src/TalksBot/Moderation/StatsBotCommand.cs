using System.Globalization;
using Microsoft.Extensions.Logging;
using TalksBot.Analytics;
using TalksBot.Analytics.Reports;
using TalksBot.Discord.Commands;

namespace TalksBot.Moderation;

/// <summary><c>/stats [since:&lt;date&gt;]</c>: what was asked and how it went, for moderators, privately; never who asked.</summary>
internal sealed class StatsBotCommand(AnalyticsStore store, ILogger<StatsBotCommand> logger) : ModeratorCommand(logger)
{
    private const int Top = 10;

    public override ApplicationCommandDefinition Definition { get; } = Define(
        "stats",
        "Moderators: questions asked, answered vs abstained, feedback, latency, most-cited articles, gaps",
        new ApplicationCommandOption(ApplicationCommandOption.StringType, "since", "Only questions asked from this date on, e.g. 2025-02-18",
            Required: false, MinLength: 4, MaxLength: 40));

    protected override async Task<string> ReplyToAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        DateTimeOffset? since = null;
        if (context.GetOption("since") is { } text)
        {
            if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return $"I couldn't read \"{text}\" as a date; try e.g. `2025-02-18` or `2025-02-18T12:00Z`.";
            since = parsed;
        }

        var report = await store.GetReportAsync(since, Top, cancellationToken);
        return AnalyticsReportRenderer.ToMarkdown(report);
    }
}
