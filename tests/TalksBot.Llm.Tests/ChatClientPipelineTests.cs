using Microsoft.Extensions.AI;
using TalksBot.Testing.FakeOpenAi;

namespace TalksBot.Llm.Tests;

public sealed class ChatClientPipelineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARejectedKeyBecomesAnLlmExceptionThatNeverContainsTheKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(FakeOpenAiReply.Error(401, $"Incorrect API key provided: {LlmHarness.ApiKey}."));
        using var client = LlmHarness.Chat(LlmHarness.Options(server));

        var exception = await Assert.ThrowsAsync<LlmException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Token));

        Assert.Equal(LlmFailure.Unauthorized, exception.Failure);
        Assert.Equal("the API key was rejected (set Llm:ApiKey)", exception.Message);
        Assert.DoesNotContain(LlmHarness.ApiKey, exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownModelIsReportedAsNotFoundNamingTheSettingsWithoutRetrying()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(FakeOpenAiReply.Error(404, "The model `nope` does not exist"));
        using var client = LlmHarness.Chat(LlmHarness.Options(server));

        var exception = await Assert.ThrowsAsync<LlmException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Token));

        Assert.Equal(LlmFailure.NotFound, exception.Failure);
        Assert.StartsWith("model or endpoint not found (check Llm:Endpoint and Llm:ChatModel)", exception.Message, StringComparison.Ordinal);
        Assert.Single(server.ChatRequests);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedUpToMaxRetriesThenReported()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(FakeOpenAiReply.Error(503, "busy"), FakeOpenAiReply.Error(502, "busy"), FakeOpenAiReply.Error(500, "busy"));
        using var client = LlmHarness.Chat(LlmHarness.Options(server));

        var exception = await Assert.ThrowsAsync<LlmException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Token));

        Assert.Equal(LlmFailure.ServerError, exception.Failure);
        Assert.Equal(3, server.ChatRequests.Count);
    }

    [Fact]
    public async Task WithoutAKeyNoAuthorizationHeaderIsSent()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(FakeOpenAiReply.Text("hello"));
        using var client = LlmHarness.Chat(LlmHarness.Options(server, apiKey: null));

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Token);

        Assert.Equal("hello", response.Text);
        Assert.Null(Assert.Single(server.ChatRequests).Authorization);
    }

    [Fact]
    public async Task AFailureLoggedByTheLibrarysLoggingMiddlewareIsOursWithoutTheKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(FakeOpenAiReply.Error(401, $"Incorrect API key provided: {LlmHarness.ApiKey}."));
        var loggers = new RecordingLoggerFactory();
        using var client = LlmHarness.Chat(LlmHarness.Options(server), loggers);

        await Assert.ThrowsAsync<LlmException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Token));

        Assert.Contains(loggers.Entries, e => e.Exception is LlmException);
        Assert.DoesNotContain(loggers.Entries, e => e.Message.Contains(LlmHarness.ApiKey, StringComparison.Ordinal)
            || (e.Exception?.ToString().Contains(LlmHarness.ApiKey, StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task StreamingYieldsOneUpdatePerChunk()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueChat(FakeOpenAiReply.InChunks("a", "b", "c"));
        using var client = LlmHarness.Chat(LlmHarness.Options(server));

        var texts = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Token))
        {
            texts.Add(update.Text);
        }

        Assert.Equal(["a", "b", "c"], texts.Where(t => t.Length > 0));
    }
}
