using System.Globalization;
using System.Net;
using System.Text;

namespace TalksBot.Core.Evaluation;

/// <summary>
/// Writes the report as one self-contained HTML page (inline CSS and SVG, no scripts or external resources) so it can be
/// mailed or attached to an issue and open anywhere. Every piece of text is HTML-encoded: questions and answers are untrusted.
/// Hand-written because the page is small and a template engine would be the project's only use of one.
/// </summary>
public static class EvaluationHtmlWriter
{
    // Colour thresholds for rate bars: at least 80% reads as good, below 50% as failing.
    private const double Good = 0.8;
    private const double Fair = 0.5;
    private const int LabelWidth = 250;
    private const int BarWidth = 460;
    private const int RowHeight = 30;

    private const string Css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
        main{max-width:1200px;margin:0 auto;padding:24px}
        header{background:#24292f;color:#fff;padding:20px 24px}
        header h1{margin:0 0 4px;font-size:22px}
        header p{margin:0;color:#d0d7de}
        section,details{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px 20px;margin:0 0 20px}
        h2{font-size:17px;margin:0 0 12px}
        .cards{display:flex;gap:16px;flex-wrap:wrap;background:none;border:0;padding:0}
        .card{flex:1 1 160px;background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:12px 16px}
        .card b{display:block;font-size:26px}
        .good{color:#1a7f37}.fair{color:#9a6700}.poor{color:#cf222e}
        table{border-collapse:collapse;width:100%;font-size:14px}
        th,td{border-top:1px solid #d8dee4;padding:6px 8px;text-align:left;vertical-align:top}
        th{background:#f6f8fa;position:sticky;top:0}
        td.q{min-width:200px}td.a{max-width:420px;white-space:pre-wrap}
        ul{margin:0;padding-left:18px}
        .why{color:#cf222e;font-weight:600}
        .tag{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;background:#eaeef2}
        .hit{font-weight:700;color:#1a7f37}
        summary{cursor:pointer;font-weight:600}
        footer{color:#57606a;font-size:13px}
        svg text{font:13px system-ui,sans-serif;fill:#1f2328}
        """;

    /// <summary>Writes the page to <paramref name="path"/>, replacing any file there.</summary>
    public static async Task WriteFileAsync(EvaluationReport report, string path, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        await writer.WriteAsync(Render(report).AsMemory(), cancellationToken);
    }

    /// <summary>The whole page as a string.</summary>
    public static string Render(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = EvaluationSummaryRows.For(report.Summary);
        var failures = report.Results.Where(r => r.Failed).ToList();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>TalksBot evaluation: ").Append(E(report.SuiteName)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");
        AppendHeader(html, report);
        html.Append("<main>\n");
        AppendCards(html, report.Summary);
        EvaluationReport[] runs = report.Baseline is { } baseline ? [report, baseline] : [report];
        EvaluationHtmlSections.AppendFigures(html, runs);
        EvaluationHtmlSections.AppendKinds(html, runs);
        EvaluationHtmlSections.AppendCoverage(html, runs);
        html.Append("<section>\n<h2>Scores</h2>\n");
        // Rates only: MRR is a score from 0 to 1, not a share, and reads wrong on a percent axis; it has its own card.
        AppendRateChart(html, [.. rows.Where(r => r.Kind is SummaryRowKind.Rate)]);
        html.Append("</section>\n<section>\n<h2>Latency</h2>\n");
        AppendLatencyChart(html, report.Summary.Latency);
        html.Append("</section>\n<section>\n<h2>Failures (").Append(N(failures.Count)).Append(")</h2>\n");
        if (failures.Count == 0)
        {
            html.Append("<p>Every question was answered and cited correctly.</p>\n");
        }
        else
        {
            // Grouped by where they went wrong, so a reader sees at once whether ranking, retrieval or abstention failed.
            foreach (var group in failures.GroupBy(r => FailureSplit.Classify(r) ?? FailureKind.Other).OrderBy(g => g.Key))
            {
                html.Append("<h3>").Append(E(KindLabel(group.Key))).Append(" (").Append(N(group.Count())).Append(")</h3>\n");
                AppendFailureTable(html, [.. group], report.Options);
            }
        }

        html.Append("</section>\n<details>\n<summary>All results (").Append(N(report.Results.Count)).Append(")</summary>\n");
        AppendResultTable(html, report.Results);
        html.Append("</details>\n");
        AppendFooter(html, report);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHeader(StringBuilder html, EvaluationReport report)
    {
        var took = report.FinishedAt - report.StartedAt;
        html.Append("<header>\n<h1>TalksBot evaluation: ").Append(E(report.SuiteName)).Append("</h1>\n<p>")
            .Append(E(report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)))
            .Append(" · answerer <b>").Append(E(report.Answerer)).Append("</b>")
            .Append(report.Baseline is { } baseline ? " beside <b>" + E(baseline.Answerer) + "</b>" : "")
            .Append(" · part <b>").Append(E(EvaluationPart.Name(report.Part))).Append("</b> · ")
            .Append(E(report.Articles is { } articles ? "articles " + articles : "served index"))
            .Append(report.ArticlesFingerprint is { } fingerprint ? " (<code>" + E(fingerprint) + "</code>)" : "")
            .Append(report.Commit is { } commit ? " · commit <code>" + E(commit) + "</code>" : "").Append(" · ")
            .Append(N(report.Summary.Count)).Append(" questions · took ")
            .Append(E(took.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture))).Append(" s</p>\n</header>\n");
    }

    private static void AppendCards(StringBuilder html, EvaluationSummary summary)
    {
        html.Append("<section class=\"cards\">\n");
        Card(html, "Answer accuracy", summary.AnswerAccuracy);
        Card(html, "Citation accuracy", summary.CitationAccuracy);
        Card(html, "Abstention recall", summary.AbstentionRecall);
        if (summary.Recall.Count > 0)
        {
            var widest = summary.Recall[^1];
            Card(html, string.Create(CultureInfo.InvariantCulture, $"Recall@{widest.K}"), widest.Rate);
        }

        if (summary.Mrr is { } mrr)
        {
            html.Append("<div class=\"card\">MRR<b>").Append(E(mrr.ToString("0.000", CultureInfo.InvariantCulture)))
                .Append("</b>mean reciprocal rank, 0–1</div>\n");
        }

        html.Append("<div class=\"card\">Latency p95<b>").Append(E(EvaluationFormat.Milliseconds(summary.Latency.P95)))
            .Append("</b></div>\n</section>\n");
    }

    private static void Card(StringBuilder html, string label, Rate rate) =>
        html.Append("<div class=\"card\">").Append(E(label)).Append("<b class=\"").Append(Grade(rate.Value)).Append("\">")
            .Append(E(rate.Value is { } v ? EvaluationFormat.Percent(v) : "n/a")).Append("</b>")
            .Append(E($"{rate.Hits} of {rate.Total}")).Append("</div>\n");

    private static void AppendRateChart(StringBuilder html, IReadOnlyList<SummaryRow> rows)
    {
        var height = (rows.Count * RowHeight) + 24;
        var width = LabelWidth + BarWidth + 120;
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Scores, 0 to 100%\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            var x = LabelWidth + (BarWidth * tick / 100);
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{height - 18}\" stroke=\"#d0d7de\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{height - 4}\" text-anchor=\"middle\" font-size=\"11\">{tick}%</text>\n");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = i * RowHeight;
            var fraction = Math.Clamp(row.Value ?? 0, 0, 1);
            var label = row.Value is null ? "n/a"
                : row.Kind == SummaryRowKind.Score ? EvaluationFormat.Decimal(row.Value) : EvaluationFormat.Percent(row.Value.Value);
            var barEnd = LabelWidth + (fraction * BarWidth);
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 19}\" text-anchor=\"end\">{E(row.Label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 5}\" width=\"{BarWidth}\" height=\"20\" fill=\"#eaeef2\"/>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{LabelWidth}\" y=\"{y + 5}\" width=\"{barEnd - LabelWidth:0.#}\" height=\"20\" fill=\"{BarColour(row.Value)}\"><title>{E(row.Label)}: {E(row.Formatted)}</title></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{barEnd + 6:0.#}\" y=\"{y + 19}\" font-weight=\"600\">{E(label)}</text>\n");
        }

        html.Append("</svg>\n");
    }

    private static void AppendLatencyChart(StringBuilder html, LatencySummary latency)
    {
        if (latency.Count == 0)
        {
            html.Append("<p>No question was answered, so there is no latency to show.</p>\n");
            return;
        }

        (string Label, TimeSpan Value)[] bars = [("p50", latency.P50), ("p95", latency.P95), ("max", latency.Max)];
        var scale = Math.Max(latency.Max.TotalMilliseconds, 1);
        const int labelWidth = 60;
        var width = labelWidth + BarWidth + 120;
        var height = bars.Length * RowHeight;
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Latency in milliseconds\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (var i = 0; i < bars.Length; i++)
        {
            var y = i * RowHeight;
            var length = bars[i].Value.TotalMilliseconds / scale * BarWidth;
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 8}\" y=\"{y + 19}\" text-anchor=\"end\">{bars[i].Label}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{labelWidth}\" y=\"{y + 5}\" width=\"{length:0.#}\" height=\"20\" fill=\"#0969da\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + length + 6:0.#}\" y=\"{y + 19}\" font-weight=\"600\">{E(EvaluationFormat.Milliseconds(bars[i].Value))}</text>\n");
        }

        html.Append("</svg>\n");
    }

    private static string KindLabel(FailureKind kind) => kind switch
    {
        FailureKind.WrongSentence => "Wrong sentence: the right article, another sentence",
        FailureKind.WrongArticle => "Wrong article: no gold source cited",
        FailureKind.WronglyAbstained => "Wrongly abstained: the articles answer it",
        FailureKind.AnsweredUnanswerable => "Answered an unanswerable question",
        FailureKind.AskFailed => "Asking failed",
        _ => "Other",
    };

    private static void AppendFailureTable(StringBuilder html, IReadOnlyList<ItemResult> failures, EvaluationOptions options)
    {
        html.Append("<table>\n<thead><tr><th>Id</th><th>Question</th><th>Answer</th><th>Expected answers</th>")
            .Append("<th>Expected sources</th><th>Retrieved articles (rank)</th><th>Why it failed</th></tr></thead>\n<tbody>\n");
        foreach (var r in failures)
        {
            html.Append("<tr><td>").Append(E(r.Item.Id)).Append("</td><td class=\"q\">").Append(E(r.Item.Question))
                .Append("</td><td class=\"a\">");
            AppendAnswer(html, r);
            html.Append("</td><td>");
            AppendList(html, r.Item.Answerable ? r.Item.Answers : ["(should abstain)"]);
            if (r.Item.Forbidden.Count > 0)
            {
                html.Append("<div>Forbidden:</div>");
                AppendList(html, r.Item.Forbidden);
            }

            html.Append("</td><td>");
            AppendList(html, r.Item.Sources);
            html.Append("</td><td>");
            AppendRetrieved(html, r.Retrieved);
            html.Append("</td><td class=\"why\">");
            AppendList(html, [.. r.Failures.Select(f => FailureText.Explain(f, options))]);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendResultTable(StringBuilder html, IReadOnlyList<ItemResult> results)
    {
        html.Append("<table>\n<thead><tr><th>Id</th><th>Question</th><th>Answer</th><th>Correct</th>")
            .Append("<th>Citation</th><th>First relevant rank</th><th>Latency</th></tr></thead>\n<tbody>\n");
        foreach (var r in results)
        {
            html.Append("<tr><td>").Append(E(r.Item.Id)).Append("</td><td class=\"q\">").Append(E(r.Item.Question))
                .Append("</td><td class=\"a\">");
            AppendAnswer(html, r);
            html.Append("</td><td>").Append(Mark(r.Correct)).Append("</td><td>").Append(Mark(r.CitationCorrect))
                .Append("</td><td>").Append(r.FirstRelevantRank is { } rank ? N(rank) : "–")
                .Append("</td><td>").Append(E(EvaluationFormat.Milliseconds(r.Latency))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendAnswer(StringBuilder html, ItemResult r)
    {
        if (r.Abstained)
        {
            html.Append("<span class=\"tag\">abstained</span> ");
        }

        html.Append(E(r.Answer));
        if (r.Citations.Count > 0)
        {
            html.Append("<div>Cited: ").Append(E(string.Join(", ", r.Citations.Select(c => c.ArticleId).Distinct()))).Append("</div>");
        }
    }

    private static void AppendRetrieved(StringBuilder html, IReadOnlyList<RetrievedArticle> retrieved)
    {
        if (retrieved.Count == 0)
        {
            html.Append("(none)");
            return;
        }

        html.Append("<ul>");
        foreach (var article in retrieved)
        {
            html.Append(article.Expected ? "<li class=\"hit\">" : "<li>")
                .Append(N(article.Rank)).Append(": ").Append(E(article.ArticleId)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void AppendList(StringBuilder html, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            html.Append("(none)");
            return;
        }

        html.Append("<ul>");
        foreach (var item in items)
        {
            html.Append("<li>").Append(E(item)).Append("</li>");
        }

        html.Append("</ul>");
    }

    private static void AppendFooter(StringBuilder html, EvaluationReport report) =>
        html.Append("<footer><p>").Append(E(
            "Answer accuracy counts every question; accuracy by kind, citation accuracy, recall@k and MRR count answerable "
            + "questions; abstention precision counts abstentions and abstention recall counts unanswerable questions. "
            + $"Answers over {report.Options.MaxAnswerLength} characters are wrong. Latency percentiles are nearest-rank over "
            + "questions that got an answer; a question whose ask failed counts as wrong."))
            .Append("</p></footer>\n");

    private static string Grade(double? value) => value switch
    {
        null => "",
        >= Good => "good",
        >= Fair => "fair",
        _ => "poor",
    };

    private static string BarColour(double? value) => value switch
    {
        null => "#d0d7de",
        >= Good => "#2da44e",
        >= Fair => "#d4a72c",
        _ => "#cf222e",
    };

    private static string Mark(bool ok) => ok ? "<span class=\"good\">✓</span>" : "<span class=\"poor\">✗</span>";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
