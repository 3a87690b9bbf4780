using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TalksBot.Core.Evaluation;

/// <summary>
/// Writes <c>{"summary": {...}, "results": [{"id", "question", "answer", "abstained", "citations", "correct",
/// "citationCorrect", "latencyMs", ...}]}</c>, camelCase and indented.
/// </summary>
public static class EvaluationJsonWriter
{
    // The file is read by people and tools, never embedded in a page, so quotes and non-ASCII stay readable
    // ("Russia’s", not "Russia\u2019s").
    private static readonly EvaluationJsonContext Context = new(new JsonSerializerOptions(EvaluationJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes the report to <paramref name="path"/>, replacing any file there.</summary>
    public static async Task WriteFileAsync(EvaluationReport report, string path, CancellationToken cancellationToken)
    {
        await using var stream = File.Create(path);
        await WriteAsync(report, stream, cancellationToken);
    }

    /// <summary>Writes the report as UTF-8 JSON to <paramref name="stream"/>.</summary>
    public static Task WriteAsync(EvaluationReport report, Stream stream, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, ToJson(report), Context.JsonReport, cancellationToken);

    /// <summary>The report as a JSON string.</summary>
    public static string Serialize(EvaluationReport report) => JsonSerializer.Serialize(ToJson(report), Context.JsonReport);

    private static JsonReport ToJson(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Summary;
        var summary = new JsonSummary(
            report.SuiteName,
            report.StartedAt,
            report.FinishedAt,
            report.Answerer,
            s.Count,
            s.AnswerableCount,
            s.UnanswerableCount,
            s.Errors,
            s.AnswerAccuracy.Value,
            s.AnswerableAccuracy.Value,
            s.UnanswerableAccuracy.Value,
            s.CitationAccuracy.Value,
            s.AbstentionPrecision.Value,
            s.AbstentionRecall.Value,
            s.Recall.ToDictionary(r => r.K.ToString(CultureInfo.InvariantCulture), r => r.Rate.Value),
            s.Mrr,
            new JsonLatency(Ms(s.Latency.P50), Ms(s.Latency.P95), Ms(s.Latency.Max), s.Latency.Count),
            report.Options.MaxAnswerLength,
            "Rates are fractions 0-1 (null = empty denominator). answerAccuracy: all items; citationAccuracy, recallAtK, mrr: "
            + "answerable items; abstentionPrecision: abstentions; abstentionRecall: unanswerable items. "
            + "Latency percentiles by nearest rank over asks that completed. coverage: answering only when confidence >= threshold "
            + "(null confidence counts as 1), coverage = answered / all items, accuracy = correct / answered.",
            EvaluationPart.Name(report.Part),
            report.Articles,
            report.ArticlesFingerprint,
            report.Commit,
            new JsonSquad(s.Squad.AnswersRight.Value, s.Squad.CitationsRight.Value, s.Squad.UnanswerableAbstained.Value, s.Squad.AnswerableAbstained.Value,
                SquadDefinitions),
            new JsonFailureSplit(s.FailureSplit.WrongSentence, s.FailureSplit.WrongArticle, s.FailureSplit.WronglyAbstained,
                s.FailureSplit.AnsweredUnanswerable, s.FailureSplit.AskFailed, s.FailureSplit.Other),
            [.. s.Kinds.Select(k => new JsonKind(Code(k.Kind), k.Count, k.Correct.Value, k.AnswersRight.Value, k.AnswersRight.Total,
                k.UnanswerableAbstained.Value, k.UnanswerableAbstained.Total))],
            [.. s.Coverage.Select(p => new JsonCoveragePoint(Math.Round(p.Threshold, 4), p.Answered, Math.Round(p.Coverage, 4), p.Accuracy.Value))]);
        return new JsonReport(summary, [.. report.Results.Select(ToJson)], report.Baseline is { } baseline ? ToJson(baseline) : null);
    }

    private static JsonResult ToJson(ItemResult r) => new(
        r.Item.Id,
        r.Item.Question,
        r.Answer,
        r.Abstained,
        [.. r.Citations.Select(c => new JsonCitation(c.ArticleId, c.PassageId, c.Quote))],
        r.Correct,
        r.CitationCorrect,
        Ms(r.Latency),
        r.Answerer,
        new JsonExpected(r.Item.Answerable, r.Item.Answers, r.Item.Sources, r.Item.Forbidden),
        [.. r.Retrieved.Select(a => new JsonRetrievedArticle(a.ArticleId, a.Rank, a.Expected))],
        r.FirstRelevantRank,
        [.. r.Failures.Select(FailureText.Code)],
        r.Error,
        Code(QuestionWords.Classify(r.Item.Question)),
        FailureSplit.Classify(r) is { } kind ? Code(kind) : null,
        r.Confidence);

    private static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private const string SquadDefinitions =
        "answersRight: answerable items answered correctly / answerable items; citationsRight: answerable items answered (not abstained) "
        + "citing a gold source / answerable items answered; unanswerableAbstained: abstentions / unanswerable items; "
        + "answerableAbstained: abstentions / answerable items (false abstentions).";

    private static double Ms(TimeSpan value) => Math.Round(value.TotalMilliseconds, 1);
}
