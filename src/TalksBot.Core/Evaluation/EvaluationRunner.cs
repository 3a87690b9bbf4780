using System.Diagnostics.CodeAnalysis;
using TalksBot.Core.Answering;

namespace TalksBot.Core.Evaluation;

/// <summary>
/// Runs a suite through <see cref="IAskService"/>, the same path as <c>ask</c> and the Discord bot, and scores it.
/// Questions are asked one at a time so that latency figures are not inflated by the run competing with itself.
/// </summary>
/// <param name="options">Scoring options; <see cref="EvaluationOptions.Default"/> when null.</param>
/// <param name="time">Clock for the report's timestamps and the duration of failed asks.</param>
public sealed class EvaluationRunner(EvaluationOptions? options = null, TimeProvider? time = null)
{
    private readonly EvaluationOptions options = options ?? EvaluationOptions.Default;
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <summary>
    /// Asks every question with no conversation id (each stands alone). An ask that throws is recorded as a failed item
    /// carrying the error message and the run continues; cancellation stops the run.
    /// </summary>
    public async Task<EvaluationReport> RunAsync(
        QaSuite suite, IAskService ask, IProgress<EvaluationProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(ask);
        var startedAt = time.GetUtcNow();
        var results = new List<ItemResult>(suite.Items.Count);
        var correct = 0;
        foreach (var item in suite.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await AskOneAsync(item, ask, cancellationToken);
            results.Add(result);
            correct += result.Correct ? 1 : 0;
            progress?.Report(new EvaluationProgress(results.Count, suite.Items.Count, correct, result));
        }

        var answerers = results.Where(r => r.Error is null).Select(r => r.Answerer).Distinct(StringComparer.Ordinal).ToList();
        return new EvaluationReport(
            suite.Name,
            startedAt,
            time.GetUtcNow(),
            answerers.Count == 0 ? "unknown" : string.Join(", ", answerers),
            options,
            EvaluationSummary.Of(results, options),
            results);
    }

    [SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "One failing question must not end an evaluation; the error is recorded on the item.")]
    private async Task<ItemResult> AskOneAsync(QaItem item, IAskService ask, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        try
        {
            var result = await ask.AskAsync(new AskRequest(item.Question), cancellationToken);
            return ItemScorer.Score(item, result, options);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return ItemScorer.Failed(item, $"{ex.GetType().Name}: {ex.Message}", time.GetElapsedTime(started));
        }
    }
}
