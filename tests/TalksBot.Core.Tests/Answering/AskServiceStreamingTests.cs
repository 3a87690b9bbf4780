using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests.Answering;

public sealed class AskServiceStreamingTests
{
    private static readonly Answer Verified = new("Marco Rubio led it [1].", false, [], "streaming");

    private readonly AnsweringOptions _options = new() { RetrievalLimit = 6 };

    private AskService Service(IAnswerer answerer, ConversationMemory memory) =>
        new(new OnePassageSearch(), answerer, memory, TestLexicon.Create(), _options, TimeProvider.System, NullLogger<AskService>.Instance);

    [Fact]
    public async Task AStreamingAnswererPassesEachDeltaInOrderAndTheFinalAnswerIsTheResultAndIsRemembered()
    {
        var memory = new ConversationMemory(_options);
        var shown = new List<string>();

        var result = await Service(new ScriptedStreamingAnswerer(), memory)
            .AskAsync(new AskRequest("Who led the U.S. delegation?", "thread-1"), shown.Add, TestContext.Current.CancellationToken);

        Assert.Equal(["Marco ", "Rubio ", "led it [1]."], shown);
        Assert.Same(Verified, result.Answer);
        Assert.Same(Verified, Assert.Single(memory.Get("thread-1")).Answer);
    }

    [Fact]
    public async Task ANonStreamingAnswererStillAnswersWhenTextIsWanted()
    {
        var shown = new List<string>();

        var result = await Service(new PlainAnswerer(), new ConversationMemory(_options))
            .AskAsync(new AskRequest("Who led the U.S. delegation?"), shown.Add, TestContext.Current.CancellationToken);

        Assert.Equal("Marco Rubio.", result.Answer.Text);
        Assert.Empty(shown);
    }

    private sealed class OnePassageSearch : IPassageSearch
    {
        public Task<IReadOnlyList<RetrievedPassage>> SearchAsync(PassageQuery query, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RetrievedPassage>>([Passages.Of("a", "Marco Rubio led the American side.")]);
    }

    private sealed class PlainAnswerer : IAnswerer
    {
        public string Name => "plain";

        public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new Answer("Marco Rubio.", false, [], Name));
    }

    // Streams provisional text that differs from the verified answer, so a test can tell which one became the result.
    private sealed class ScriptedStreamingAnswerer : IStreamingAnswerer
    {
        public string Name => "streaming";

        public Task<Answer> AnswerAsync(AnswerRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The streaming path should be used when text is wanted.");

        public async IAsyncEnumerable<AnswerStreamUpdate> StreamAsync(
            AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var delta in (string[])["Marco ", "Rubio ", "led it [1]."])
            {
                await Task.Yield();
                yield return new AnswerStreamUpdate(delta);
            }

            yield return new AnswerStreamUpdate(string.Empty, Verified);
        }
    }
}
