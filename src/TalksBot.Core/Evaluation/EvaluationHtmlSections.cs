using System.Globalization;
using System.Net;
using System.Text;

namespace TalksBot.Core.Evaluation;

/// <summary>
/// The HTML report's comparison sections: the SQuAD-style figures, the failure split and results per question kind for
/// the run and its baseline side by side, and the coverage/accuracy curve as an inline SVG chart.
/// </summary>
internal static class EvaluationHtmlSections
{
    private const int ChartWidth = 560;
    private const int ChartHeight = 300;
    private const int Margin = 48;
    private static readonly string[] CurveColours = ["#0969da", "#cf222e"];

    public static void AppendFigures(StringBuilder html, IReadOnlyList<EvaluationReport> runs)
    {
        html.Append("<section>\n");
        OpenTable(html, "SQuAD-style figures", "Figure", runs);
        Row(html, "Answers right (of answerable)", runs, r => Percent(r.Summary.Squad.AnswersRight));
        Row(html, "Citations right (of answerable answered)", runs, r => Percent(r.Summary.Squad.CitationsRight));
        Row(html, "Unanswerable abstained (higher is better)", runs, r => Percent(r.Summary.Squad.UnanswerableAbstained));
        Row(html, "Answerable abstained (lower is better)", runs, r => Percent(r.Summary.Squad.AnswerableAbstained));
        html.Append("</tbody>\n</table>\n<p>An answer is right when it is not an abstention, holds a gold answer (case-insensitive) and is at most ")
            .Append(N(runs[0].Options.MaxAnswerLength))
            .Append(" characters. Citations right counts answerable questions the answerer answered, and how many of those cite a gold article.</p>\n");
        OpenTable(html, "Failures by where they went wrong", "Failure", runs);
        Row(html, "Wrong sentence (right article cited, answer text wrong)", runs, r => N(r.Summary.FailureSplit.WrongSentence));
        Row(html, "Wrong article (cited none of the gold sources)", runs, r => N(r.Summary.FailureSplit.WrongArticle));
        Row(html, "Wrongly abstained (answerable)", runs, r => N(r.Summary.FailureSplit.WronglyAbstained));
        Row(html, "Answered an unanswerable question", runs, r => N(r.Summary.FailureSplit.AnsweredUnanswerable));
        Row(html, "Ask failed or other", runs, r => N(r.Summary.FailureSplit.AskFailed + r.Summary.FailureSplit.Other));
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    public static void AppendKinds(StringBuilder html, IReadOnlyList<EvaluationReport> runs)
    {
        html.Append("<section>\n<h2>By question kind</h2>\n<table>\n<thead><tr><th>Kind</th><th>Questions</th>");
        foreach (var run in runs)
        {
            html.Append("<th>").Append(E(run.Answerer)).Append(": answers right</th><th>")
                .Append(E(run.Answerer)).Append(": unanswerable abstained</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var kind in runs[0].Summary.Kinds)
        {
            html.Append("<tr><td>").Append(E(kind.Kind.ToString())).Append("</td><td>").Append(N(kind.Count)).Append("</td>");
            foreach (var run in runs)
            {
                var same = run.Summary.Kinds.FirstOrDefault(k => k.Kind == kind.Kind);
                html.Append("<td>").Append(E(same is null ? "" : Percent(same.AnswersRight))).Append("</td><td>")
                    .Append(E(same is null ? "" : Percent(same.UnanswerableAbstained))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p>Kinds by the leading wh-word, after a leading \"and\"/\"so\"/\"but\" and one preposition (\"In what year\" is a what-question).</p>\n</section>\n");
    }

    public static void AppendCoverage(StringBuilder html, IReadOnlyList<EvaluationReport> runs)
    {
        html.Append("<section>\n<h2>Coverage and accuracy</h2>\n")
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"Accuracy of answered questions against the share answered\" width=\"{ChartWidth + 160}\" height=\"{ChartHeight}\" viewBox=\"0 0 {ChartWidth + 160} {ChartHeight}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        var plotWidth = ChartWidth - (2 * Margin);
        var plotHeight = ChartHeight - (2 * Margin);
        foreach (var tick in new[] { 0, 25, 50, 75, 100 })
        {
            var x = Margin + (plotWidth * tick / 100.0);
            var y = Margin + plotHeight - (plotHeight * tick / 100.0);
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" y1=\"{Margin}\" x2=\"{x:0.#}\" y2=\"{Margin + plotHeight}\" stroke=\"#d0d7de\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Margin + plotHeight + 16}\" text-anchor=\"middle\" font-size=\"11\">{tick}%</text>")
                .Append(CultureInfo.InvariantCulture, $"<line x1=\"{Margin}\" y1=\"{y:0.#}\" x2=\"{Margin + plotWidth}\" y2=\"{y:0.#}\" stroke=\"#d0d7de\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{tick}%</text>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin + (plotWidth / 2)}\" y=\"{ChartHeight - 8}\" text-anchor=\"middle\">share of questions answered</text>")
            .Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{Margin + (plotHeight / 2)}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {Margin + (plotHeight / 2)})\">accuracy of answers</text>\n");
        for (var i = 0; i < runs.Count; i++)
        {
            var colour = CurveColours[i % CurveColours.Length];
            var points = runs[i].Summary.Coverage
                .Where(p => p.Accuracy.Value is not null)
                .Select(p => string.Create(CultureInfo.InvariantCulture,
                    $"{Margin + (plotWidth * p.Coverage):0.#},{Margin + plotHeight - (plotHeight * p.Accuracy.Value!.Value):0.#}"))
                .ToList();
            if (points.Count == 1)
            {
                var xy = points[0].Split(',');
                html.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"4\" fill=\"{colour}\"/>");
            }
            else if (points.Count > 1)
            {
                html.Append(CultureInfo.InvariantCulture, $"<polyline class=\"curve\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', points)}\"/>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{ChartWidth + 4}\" y=\"{Margin + (i * 22)}\" width=\"14\" height=\"4\" fill=\"{colour}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{ChartWidth + 24}\" y=\"{Margin + (i * 22) + 6}\">{E(runs[i].Answerer)}</text>\n");
        }

        html.Append("</svg>\n<p>Each point answers only the questions whose answer is at least as confident as a threshold; ")
            .Append("abstentions stay unanswered and an answer without a confidence counts as fully confident. ")
            .Append("Moving right lowers the threshold.</p>\n</section>\n");
    }

    private static void OpenTable(StringBuilder html, string heading, string firstColumn, IReadOnlyList<EvaluationReport> runs)
    {
        html.Append("<h2>").Append(E(heading)).Append("</h2>\n<table>\n<thead><tr><th>").Append(E(firstColumn)).Append("</th>");
        foreach (var run in runs)
        {
            html.Append("<th>").Append(E(run.Answerer)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
    }

    private static void Row(StringBuilder html, string label, IReadOnlyList<EvaluationReport> runs, Func<EvaluationReport, string> cell)
    {
        html.Append("<tr><td>").Append(E(label)).Append("</td>");
        foreach (var run in runs)
        {
            html.Append("<td>").Append(E(cell(run))).Append("</td>");
        }

        html.Append("</tr>\n");
    }

    private static string Percent(Rate rate) => EvaluationFormat.Percent(rate);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
