using TalksBot.Core.Articles;
using TalksBot.Core.Passages;
using TalksBot.Core.Retrieval;
using TalksBot.Llm.Answering;
using TalksBot.Testing.FakeOpenAi;

namespace TalksBot.Llm.Tests;

/// <summary>Semantic Kernel's tool calling against the fake server: articles.search, its bounds and the call filter.</summary>
public sealed class KernelAnsweringTests
{
    /// <summary>How Semantic Kernel names the articles plugin's search function to the model.</summary>
    private const string SearchTool = "articles_search";

    private const string TalksText = "Lavrov and Rubio agreed to form teams to negotiate an end to the war in Ukraine.";

    private static readonly ArticleInfo Talks = new("003_teams", "Negotiating teams", null, null, null);

    private static readonly RetrievedPassage Found =
        new(new Passage(Guid.NewGuid(), Talks.Id, 0, null, TalksText, 0, TalksText.Length), Talks, 1.0, 0);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheModelSearchesReceivesThePassagesNumberedOnAndItsAnswerCitesThem()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(
            FakeOpenAiReply.CallTool(SearchTool, """{"query":"negotiating teams"}"""),
            FakeOpenAiReply.Text("They met in Riyadh [2]. They agreed to form negotiating teams [4]."));
        var search = new FakePassageSearch([Found]);
        var answerer = LlmHarness.Answerer(LlmHarness.Options(server), FakeAnswerer.Answering(), search: search);

        var answer = await answerer.AnswerAsync(LlmHarness.Request("Where did they meet and what did they agree?"), Token);

        Assert.Equal(2, server.ChatRequests.Count);
        Assert.Equal([SearchTool], server.ChatRequests[0].ToolNames);
        Assert.Equal(["negotiating teams"], search.Queries);
        var toolResult = Assert.Single(server.ChatRequests[1].ToolResults);
        Assert.Contains("<passage number=\"4\" title=\"Negotiating teams\">", toolResult.Content, StringComparison.Ordinal);
        Assert.Contains(TalksText, toolResult.Content, StringComparison.Ordinal);
        Assert.Equal("They met in Riyadh [1]. They agreed to form negotiating teams [2].", answer.Text);
        Assert.Equal(Found.Passage.Id, answer.Citations[1].PassageId);
        Assert.Equal(TalksText, answer.Citations[1].Quote);
    }

    [Fact]
    public async Task StreamedTheToolRoundTripEndsWithAnAnswerCitingTheFoundPassage()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(
            FakeOpenAiReply.CallTool(SearchTool, """{"query":"negotiating teams"}"""),
            FakeOpenAiReply.Text("They agreed to form negotiating teams [4]."));
        var answerer = LlmHarness.Answerer(LlmHarness.Options(server), FakeAnswerer.Answering(), search: new FakePassageSearch([Found]));

        var final = (await LlmHarness.CollectAsync(answerer.StreamAsync(LlmHarness.Request("What did they agree?"), Token)))[^1].Final!;

        Assert.All(server.ChatRequests, r => Assert.True(r.IsStreaming));
        Assert.Contains(TalksText, Assert.Single(server.ChatRequests[1].ToolResults).Content, StringComparison.Ordinal);
        Assert.Equal("They agreed to form negotiating teams [1].", final.Text);
        Assert.Equal(Found.Passage.Id, Assert.Single(final.Citations).PassageId);
    }

    [Fact]
    public async Task AFourthSearchIsRefusedAndTheModelIsToldToAnswer()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        var call = FakeOpenAiReply.CallTool(SearchTool, """{"query":"teams"}""");
        server.EnqueueChat(call, call, call, call, FakeOpenAiReply.Text("They agreed to form negotiating teams [4]."));
        var search = new FakePassageSearch([Found]);
        var answerer = LlmHarness.Answerer(LlmHarness.Options(server), FakeAnswerer.Answering(), search: search);

        var answer = await answerer.AnswerAsync(LlmHarness.Request(), Token);

        Assert.Equal(3, search.Queries.Count);
        Assert.Equal(ArticleSearchPlugin.LimitReached, server.ChatRequests[^1].ToolResults[^1].Content);
        Assert.Equal("They agreed to form negotiating teams [1].", answer.Text);
    }

    [Fact]
    public async Task ASearchPastTheTimeBudgetIsRefusedAndTheModelIsToldToAnswer()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(FakeOpenAiReply.CallTool(SearchTool, """{"query":"teams"}"""), FakeOpenAiReply.Text("They met in Riyadh [2]."));
        var options = LlmHarness.Options(server);
        options.SearchBudget = TimeSpan.FromMilliseconds(200);
        var answerer = LlmHarness.Answerer(options, FakeAnswerer.Answering(), search: new FakePassageSearch([Found], TimeSpan.FromMinutes(1)));

        var answer = await answerer.AnswerAsync(LlmHarness.Request(), Token);

        Assert.Equal(ArticleSearchPlugin.BudgetSpent, Assert.Single(server.ChatRequests[1].ToolResults).Content);
        Assert.Equal("They met in Riyadh [1].", answer.Text);
    }

    [Fact]
    public async Task WithNoSearchesAllowedNoToolIsOffered()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(FakeOpenAiReply.Text("They met in Riyadh [2]."));
        var options = LlmHarness.Options(server);
        options.MaxSearches = 0;
        var answerer = LlmHarness.Answerer(options, FakeAnswerer.Answering());

        await answerer.AnswerAsync(LlmHarness.Request(), Token);

        Assert.Empty(Assert.Single(server.ChatRequests).ToolNames);
    }

    [Fact]
    public async Task TheCallFilterRedactsAKeyFromTheSearchAndLogsTheCallAtDebug()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(
            FakeOpenAiReply.CallTool(SearchTool, $$"""{"query":"teams {{LlmHarness.ApiKey}}"}"""),
            FakeOpenAiReply.Text("They met in Riyadh [2]."));
        var search = new FakePassageSearch([Found]);
        var loggers = new RecordingLoggerFactory();
        var answerer = LlmHarness.Answerer(LlmHarness.Options(server), FakeAnswerer.Answering(), loggers: loggers, search: search);

        await answerer.AnswerAsync(LlmHarness.Request(), Token);

        Assert.Equal($"teams {KernelCallFilter.Redacted}", Assert.Single(search.Queries));
        var called = Assert.Single(loggers.Entries, e => e.EventId == 6010);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, called.Level);
        Assert.Contains("articles.search", called.Message, StringComparison.Ordinal);
        // Trace is where Microsoft.Extensions.AI and Semantic Kernel log whole messages, the model's own tool calls included
        // (their sensitive-data level, off by default); nothing above it may carry the key.
        Assert.DoesNotContain(loggers.Entries, e => e.Level > Microsoft.Extensions.Logging.LogLevel.Trace && e.Message.Contains(LlmHarness.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public void TheFilterRedactsKeysAndBearerTokensInText()
    {
        var filter = new KernelCallFilter("my-configured-key", new RecordingLogger<KernelCallFilter>());

        var redacted = filter.Redact("key my-configured-key, sk-proj-abcdefghijklmnop and Bearer abcdefghijklmnopqrstuv stay out");

        Assert.Equal("key [redacted], [redacted] and [redacted] stay out", redacted);
    }
}
