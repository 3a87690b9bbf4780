using System.Text.Json.Serialization;

namespace TalksBot.Core.Evaluation;

/// <summary>The report file: the shape evaluators' tooling reads, so members are only ever added, never renamed.</summary>
internal sealed record JsonReport(JsonSummary Summary, IReadOnlyList<JsonResult> Results, JsonReport? Baseline = null);

/// <summary>Rates are fractions 0–1, null when their denominator was empty; latencies in milliseconds.</summary>
internal sealed record JsonSummary(
    string Suite,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Answerer,
    int Count,
    int Answerable,
    int Unanswerable,
    int Errors,
    double? AnswerAccuracy,
    double? AnswerableAccuracy,
    double? UnanswerableAccuracy,
    double? CitationAccuracy,
    double? AbstentionPrecision,
    double? AbstentionRecall,
    IReadOnlyDictionary<string, double?> RecallAtK,
    double? Mrr,
    JsonLatency LatencyMs,
    int MaxAnswerLength,
    string Notes,
    string Part,
    string? Articles,
    string? ArticlesFingerprint,
    string? Commit,
    JsonSquad Squad,
    JsonFailureSplit FailureSplit,
    IReadOnlyList<JsonKind> ByKind,
    IReadOnlyList<JsonCoveragePoint> Coverage);

internal sealed record JsonSquad(double? AnswersRight, double? CitationsRight, double? UnanswerableAbstained, double? AnswerableAbstained, string Definitions);

internal sealed record JsonFailureSplit(int WrongSentence, int WrongArticle, int WronglyAbstained, int AnsweredUnanswerable, int AskFailed, int Other);

internal sealed record JsonKind(string Kind, int Count, double? Correct, double? AnswersRight, int Answerable, double? UnanswerableAbstained, int Unanswerable);

internal sealed record JsonCoveragePoint(double Threshold, int Answered, double Coverage, double? Accuracy);

internal sealed record JsonLatency(double P50, double P95, double Max, int Count);

internal sealed record JsonResult(
    string Id,
    string Question,
    string Answer,
    bool Abstained,
    IReadOnlyList<JsonCitation> Citations,
    bool Correct,
    bool CitationCorrect,
    double LatencyMs,
    string Answerer,
    JsonExpected Expected,
    IReadOnlyList<JsonRetrievedArticle> RetrievedArticles,
    int? FirstRelevantRank,
    IReadOnlyList<string> Failures,
    string? Error,
    string Kind,
    string? FailureKind,
    double? Confidence);

internal sealed record JsonCitation(string ArticleId, Guid PassageId, string Quote);

internal sealed record JsonExpected(bool Answerable, IReadOnlyList<string> Answers, IReadOnlyList<string> Sources, IReadOnlyList<string> Forbidden);

internal sealed record JsonRetrievedArticle(string ArticleId, int Rank, bool Expected);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
