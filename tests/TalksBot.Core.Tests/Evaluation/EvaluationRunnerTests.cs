using TalksBot.Core.Answering;
using TalksBot.Core.Evaluation;
using static TalksBot.Core.Tests.Evaluation.EvaluationSamples;

namespace TalksBot.Core.Tests.Evaluation;

public sealed class EvaluationRunnerTests
{
    private static readonly QaSuite Suite = new("smoke", [Answerable("q1", question: "First?"), Answerable("q2", question: "Second?"), Unanswerable("u1", question: "Third?")]);

    [Fact]
    public async Task AsksEveryQuestionInOrderWithNoConversation()
    {
        var ask = new FakeAskService(_ => Answer("Riyadh", "a1"));

        await new EvaluationRunner().RunAsync(Suite, ask, null, TestContext.Current.CancellationToken);

        Assert.Equal([new AskRequest("First?"), new AskRequest("Second?"), new AskRequest("Third?")], ask.Requests);
    }

    [Fact]
    public async Task AnAskThatThrowsIsRecordedAsAFailedItemAndTheRunContinues()
    {
        var ask = new FakeAskService(r => r.Question == "Second?" ? throw new HttpRequestException("LLM unavailable") : Answer("Riyadh", "a1"));

        var report = await new EvaluationRunner().RunAsync(Suite, ask, null, TestContext.Current.CancellationToken);

        Assert.Equal(3, ask.Requests.Count);
        var failed = report.Results[1];
        Assert.False(failed.Correct);
        Assert.Equal("HttpRequestException: LLM unavailable", failed.Error);
        Assert.Equal(failed.Error, failed.Answer);
        Assert.True(report.Results[0].Correct);
    }

    [Fact]
    public async Task LatencyIsTheOneTheAskServiceMeasured()
    {
        var ask = new FakeAskService(_ => Reply("Riyadh", cited: ["a1"], latencyMs: 1234));

        var report = await new EvaluationRunner().RunAsync(Suite, ask, null, TestContext.Current.CancellationToken);

        Assert.All(report.Results, r => Assert.Equal(TimeSpan.FromMilliseconds(1234), r.Latency));
    }

    [Fact]
    public async Task ReportsProgressAfterEachQuestion()
    {
        var seen = new List<EvaluationProgress>();
        var ask = new FakeAskService(_ => Answer("Riyadh", "a1"));

        await new EvaluationRunner().RunAsync(Suite, ask, new SynchronousProgress(seen.Add), TestContext.Current.CancellationToken);

        Assert.Equal([(1, 3, 1), (2, 3, 2), (3, 3, 2)], seen.Select(p => (p.Completed, p.Total, p.CorrectSoFar)));
    }

    [Fact]
    public async Task TheReportNamesTheSuiteAndTheAnswerer()
    {
        var ask = new FakeAskService(_ => Reply("Riyadh", answerer: "extractive"));

        var report = await new EvaluationRunner().RunAsync(Suite, ask, null, TestContext.Current.CancellationToken);

        Assert.Equal(("smoke", "extractive"), (report.SuiteName, report.Answerer));
    }

    [Fact]
    public async Task CancellationStopsTheRunInsteadOfFailingItems()
    {
        using var cancellation = new CancellationTokenSource();
        var ask = new FakeAskService(_ =>
        {
            cancellation.Cancel();
            throw new OperationCanceledException(cancellation.Token);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new EvaluationRunner().RunAsync(Suite, ask, null, cancellation.Token));
        Assert.Single(ask.Requests);
    }

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; tests need reports in order, now.</summary>
    private sealed class SynchronousProgress(Action<EvaluationProgress> report) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => report(value);
    }
}
