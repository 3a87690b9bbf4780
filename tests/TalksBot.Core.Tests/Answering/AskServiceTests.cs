using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests.Answering;

public sealed class AskServiceTests
{
    private readonly RecordingSearch _search = new();
    private readonly RecordingAnswerer _answerer = new();
    private readonly SteppingTime _time = new(TimeSpan.FromMilliseconds(40));

    private AskService Service(AnsweringOptions? options = null)
    {
        options ??= new AnsweringOptions { RetrievalLimit = 6 };
        return new AskService(_search, _answerer, new ConversationMemory(options), TestLexicon.Create(), options, _time, NullLogger<AskService>.Instance);
    }

    [Fact]
    public async Task RetrievesWithTheConfiguredLimitAndPassesThePassagesToTheAnswerer()
    {
        var result = await Service().AskAsync(new AskRequest("What did the U.S. delegation propose?"), TestContext.Current.CancellationToken);

        Assert.Equal(("What did the U.S. delegation propose?", 6), Assert.Single(_search.Queries));
        Assert.Same(_search.Result, Assert.Single(_answerer.Requests).Passages);
        Assert.Same(_search.Result, result.Retrieved);
    }

    [Fact]
    public async Task AFollowUpInTheSameConversationIsRewrittenForRetrievalAndSeesTheEarlierTurn()
    {
        var service = Service();
        await service.AskAsync(new AskRequest("Who led the U.S. delegation?", "thread-1"), TestContext.Current.CancellationToken);

        await service.AskAsync(new AskRequest("and who did Russia send?", "thread-1"), TestContext.Current.CancellationToken);

        Assert.Contains("delegation", _search.Queries[1].Query, StringComparison.Ordinal);
        var request = _answerer.Requests[1];
        Assert.Equal(_search.Queries[1].Query, request.Question);
        Assert.Equal("Who led the U.S. delegation?", Assert.Single(request.History).Question);
    }

    [Fact]
    public async Task QuestionsWithoutAConversationIdShareNoHistory()
    {
        var service = Service();
        await service.AskAsync(new AskRequest("Who led the U.S. delegation?"), TestContext.Current.CancellationToken);

        await service.AskAsync(new AskRequest("and who led the Russian side?"), TestContext.Current.CancellationToken);

        Assert.Empty(_answerer.Requests[1].History);
        Assert.Equal("and who led the Russian side?", _search.Queries[1].Query);
    }

    [Fact]
    public async Task LatencyIsMeasuredWithTheInjectedTimeProvider()
    {
        var result = await Service().AskAsync(new AskRequest("Who led the U.S. delegation?"), TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromMilliseconds(40), result.Latency);
    }

    [Fact]
    public async Task AnUnreachableIndexIsToldPlainlyAndLeavesNoTurnForTheNextQuestionToFollow()
    {
        var service = Service();
        var down = true;
        _search.Respond = _ => down ? throw new IndexUnavailableException() : _search.Result;

        var result = await service.AskAsync(new AskRequest("Who led the U.S. delegation?", "thread-1"), TestContext.Current.CancellationToken);
        down = false;
        await service.AskAsync(new AskRequest("and who did Russia send?", "thread-1"), TestContext.Current.CancellationToken);

        Assert.Same(Answer.IndexUnavailable, result.Answer);
        Assert.Empty(result.Retrieved);
        Assert.Empty(_answerer.Requests[0].History);
    }

    [Fact]
    public void AnInvalidSettingStopsConstruction()
    {
        var error = Assert.Throws<ArgumentException>(() => Service(new AnsweringOptions { HistoryTurns = -1 }));

        Assert.Contains("Answering:HistoryTurns", error.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingSearch : IPassageSearch
    {
        public List<(string Query, int Limit)> Queries { get; } = [];

        public IReadOnlyList<RetrievedPassage> Result { get; } = [Passages.Of("a", "Marco Rubio led the American side.")];

        public Func<string, IReadOnlyList<RetrievedPassage>>? Respond { get; set; }

        public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, int limit, CancellationToken cancellationToken)
        {
            Queries.Add((query.Text, limit));
            return Task.FromResult(Respond?.Invoke(query.Text) ?? Result);
        }
    }

    private sealed class RecordingAnswerer : IAnswerer
    {
        public List<AnswerRequest> Requests { get; } = [];

        public string Name => "recording";

        public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new Answer("Marco Rubio.", false, [], Name));
        }
    }

    // Each reading of the clock moves it on by a fixed step, so a request's latency is exactly one step.
    private sealed class SteppingTime(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp()
        {
            var now = _ticks;
            _ticks += step.Ticks;
            return now;
        }
    }
}
