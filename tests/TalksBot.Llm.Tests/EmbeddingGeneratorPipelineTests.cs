using TalksBot.Llm.OpenAi;
using TalksBot.Testing.FakeOpenAi;

namespace TalksBot.Llm.Tests;

public sealed class EmbeddingGeneratorPipelineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmbeddingsRoundTripInOrder()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EmbeddingDimensions = 12;
        using var generator = LlmHarness.Embeddings(LlmHarness.Options(server));

        var embeddings = await generator.GenerateAsync(["talks in Riyadh", "embassies reopen"], cancellationToken: Token);

        Assert.Equal(FakeOpenAiServer.Vector("talks in Riyadh", 12), embeddings[0].Vector.ToArray());
        Assert.Equal(FakeOpenAiServer.Vector("embassies reopen", 12), embeddings[1].Vector.ToArray());
        var request = Assert.Single(server.EmbeddingRequests);
        Assert.Equal("test-embedding-model", request.Model);
        Assert.Equal(["talks in Riyadh", "embassies reopen"], request.Inputs);
    }

    [Fact]
    public async Task FloatArraysAreAcceptedFromServersThatIgnoreTheBase64Request()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.IgnoreEncodingFormat = true;
        using var generator = LlmHarness.Embeddings(LlmHarness.Options(server));

        var embeddings = await generator.GenerateAsync(["talks in Riyadh"], cancellationToken: Token);

        Assert.Equal(FakeOpenAiServer.Vector("talks in Riyadh", server.EmbeddingDimensions), embeddings[0].Vector.ToArray());
    }

    [Fact]
    public async Task ManyInputsAreSentInBatchesAndComeBackInOrder()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        using var generator = LlmHarness.Embeddings(LlmHarness.Options(server));
        var inputs = Enumerable.Range(0, ResilientEmbeddingGenerator.MaxBatchSize + 6).Select(i => $"passage {i}").ToList();

        var embeddings = await generator.GenerateAsync(inputs, cancellationToken: Token);

        Assert.Equal([ResilientEmbeddingGenerator.MaxBatchSize, 6], server.EmbeddingRequests.Select(r => r.Inputs.Count));
        Assert.Equal(FakeOpenAiServer.Vector(inputs[^1], server.EmbeddingDimensions), embeddings[^1].Vector.ToArray());
    }

    [Fact]
    public async Task ARateLimitedBatchIsRetried()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueEmbeddings(FakeOpenAiReply.Error(429, "slow down"));
        using var generator = LlmHarness.Embeddings(LlmHarness.Options(server));

        var embeddings = await generator.GenerateAsync(["talks"], cancellationToken: Token);

        Assert.Single(embeddings);
        Assert.Equal(2, server.EmbeddingRequests.Count);
    }
}
