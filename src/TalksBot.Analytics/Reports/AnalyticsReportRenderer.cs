using System.Globalization;
using System.Text;

namespace TalksBot.Analytics.Reports;

/// <summary>Renders an <see cref="AnalyticsReport"/> as a Discord message or as console tables.</summary>
public static class AnalyticsReportRenderer
{
    /// <summary>Discord rejects message content longer than 2000 characters.</summary>
    public const int DiscordMessageLimit = 2000;

    private const int MaxQuestionLength = 140;
    private const int MaxTitleLength = 90;

    /// <summary>
    /// Markdown for a Discord message: the summary always, then as many cited articles and coverage gaps as fit
    /// within <paramref name="maxLength"/>, saying how many were left out.
    /// </summary>
    public static string ToMarkdown(AnalyticsReport report, int maxLength = DiscordMessageLimit)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 500);
        var text = new StringBuilder();
        text.Append("**TalksBot stats** — ").Append(Window(report)).Append('\n')
            .Append("Questions: ").Append(report.Asked).Append(" · answered ").Append(report.Answered)
            .Append(Share(report.Answered, report.Asked)).Append(" · abstained ").Append(report.Abstained)
            .Append(Share(report.Abstained, report.Asked)).Append('\n')
            .Append("Feedback: 👍 ").Append(report.FeedbackUp).Append(" · 👎 ").Append(report.FeedbackDown).Append('\n')
            .Append("Latency: p50 ").Append(Duration(report.LatencyP50)).Append(" · p95 ").Append(Duration(report.LatencyP95)).Append('\n');

        // The gaps are what moderators act on, so the cited list leaves them room for a few lines.
        AppendList(text, maxLength - 400, "**Most-cited articles**", "none yet", report.MostCited,
            a => $"{Escape(Shorten(a.Title, MaxTitleLength))} (`{Shorten(a.ArticleId, 60).Replace('`', '\'')}`) — {a.Answers}");
        AppendList(text, maxLength, "**Coverage gaps** (unanswered or down-voted, grouped)", "none", report.Gaps,
            g => $"“{Escape(Shorten(g.Question, MaxQuestionLength))}” — ×{g.Count} ({Why(g)}), latest {Date(g.LatestAt)}");

        return text.Length <= maxLength ? text.ToString() : text.ToString(0, maxLength - 1) + "…";
    }

    /// <summary>The same report as three tables (summary, most-cited articles, coverage gaps) for the CLI.</summary>
    public static IReadOnlyList<ReportTable> ToTables(AnalyticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        IReadOnlyList<IReadOnlyList<string>> summary =
        [
            ["Window", Window(report)],
            ["Questions asked", Number(report.Asked)],
            ["Answered", Number(report.Answered) + Share(report.Answered, report.Asked)],
            ["Abstained", Number(report.Abstained) + Share(report.Abstained, report.Asked)],
            ["Feedback 👍", Number(report.FeedbackUp)],
            ["Feedback 👎", Number(report.FeedbackDown)],
            ["Latency p50", Duration(report.LatencyP50)],
            ["Latency p95", Duration(report.LatencyP95)],
        ];
        return
        [
            new ReportTable("Summary", ["Metric", "Value"], summary),
            new ReportTable("Most-cited articles", ["#", "Article", "Title", "Answers"],
                [.. report.MostCited.Select((a, i) => (IReadOnlyList<string>)[Number(i + 1), a.ArticleId, a.Title, Number(a.Answers)])]),
            new ReportTable("Coverage gaps", ["#", "Question", "Asked", "Unanswered", "Down-voted", "Latest"],
                [.. report.Gaps.Select((g, i) => (IReadOnlyList<string>)
                    [Number(i + 1), g.Question, Number(g.Count), Number(g.Unanswered), Number(g.DownVoted), Date(g.LatestAt)])]),
        ];
    }

    private static void AppendList<T>(
        StringBuilder text, int maxLength, string heading, string empty, IReadOnlyList<T> items, Func<T, string> line)
    {
        text.Append(heading).Append('\n');
        if (items.Count == 0)
        {
            text.Append(empty).Append('\n');
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var entry = $"{i + 1}. {line(items[i])}\n";
            // Always leave room for the note about what was left out.
            var note = $"…and {items.Count - i} more\n";
            if (text.Length + entry.Length + note.Length > maxLength)
            {
                text.Append(note);
                return;
            }

            text.Append(entry);
        }
    }

    private static string Why(CoverageGap gap) => (gap.Unanswered, gap.DownVoted) switch
    {
        (> 0, > 0) => $"{gap.Unanswered} unanswered, {gap.DownVoted} down-voted",
        (> 0, _) => $"{gap.Unanswered} unanswered",
        _ => $"{gap.DownVoted} down-voted",
    };

    private static string Window(AnalyticsReport report) =>
        report.Since is { } since ? "since " + Date(since) : "all time";

    private static string Share(int part, int whole) =>
        whole == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" ({Math.Round(100.0 * part / whole):0}%)");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan? value) => value switch
    {
        null => "—",
        { TotalMilliseconds: < 1000 } ms => string.Create(CultureInfo.InvariantCulture, $"{ms.TotalMilliseconds:0} ms"),
        { } s => string.Create(CultureInfo.InvariantCulture, $"{s.TotalSeconds:0.0} s"),
    };

    private static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }

    // Question text is typed by users: escape Markdown so it cannot restyle the report, and break "@" so
    // "@everyone" in a question cannot ping anyone even if the reply allows mentions.
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '>' or '#' or '[' or ']')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            if (c == '@')
            {
                escaped.Append('\u200B');
            }
        }

        return escaped.ToString();
    }
}
