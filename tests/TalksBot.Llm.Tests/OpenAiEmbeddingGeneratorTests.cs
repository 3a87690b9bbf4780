using Microsoft.Extensions.AI;
using TalksBot.Llm.OpenAi;
using TalksBot.Testing.FakeOpenAi;

namespace TalksBot.Llm.Tests;

public sealed class OpenAiEmbeddingGeneratorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmbeddingsRoundTripAndTheDimensionIsLearnedFromTheReply()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EmbeddingDimensions = 12;
        using var generator = new OpenAiEmbeddingGenerator(LlmHarness.Options(server));
        Assert.Null(generator.Dimensions);

        var embeddings = await generator.GenerateAsync(["talks in Riyadh", "embassies reopen"], cancellationToken: Token);

        Assert.Equal(FakeOpenAiServer.Vector("talks in Riyadh", 12), embeddings[0].Vector.ToArray());
        Assert.Equal(FakeOpenAiServer.Vector("embassies reopen", 12), embeddings[1].Vector.ToArray());
        Assert.Equal(12, generator.Dimensions);
        Assert.Equal(12, generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
        var request = Assert.Single(server.EmbeddingRequests);
        Assert.Equal("test-embedding-model", request.Model);
        Assert.Equal(["talks in Riyadh", "embassies reopen"], request.Inputs);
    }

    [Fact]
    public async Task FloatArraysAreAcceptedFromServersThatIgnoreTheBase64Request()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.IgnoreEncodingFormat = true;
        using var generator = new OpenAiEmbeddingGenerator(LlmHarness.Options(server));

        var embeddings = await generator.GenerateAsync(["talks in Riyadh"], cancellationToken: Token);

        Assert.Equal(FakeOpenAiServer.Vector("talks in Riyadh", server.EmbeddingDimensions), embeddings[0].Vector.ToArray());
    }

    [Fact]
    public async Task ManyInputsAreSentInBatchesAndComeBackInOrder()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        using var generator = new OpenAiEmbeddingGenerator(LlmHarness.Options(server));
        var inputs = Enumerable.Range(0, OpenAiEmbeddingGenerator.MaxBatchSize + 6).Select(i => $"passage {i}").ToList();

        var embeddings = await generator.GenerateAsync(inputs, cancellationToken: Token);

        Assert.Equal([OpenAiEmbeddingGenerator.MaxBatchSize, 6], server.EmbeddingRequests.Select(r => r.Inputs.Count));
        Assert.Equal(FakeOpenAiServer.Vector(inputs[^1], server.EmbeddingDimensions), embeddings[^1].Vector.ToArray());
    }

    [Fact]
    public async Task GetDimensionsProbesTheEndpointOnceAndThenRemembers()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EmbeddingDimensions = 5;
        using var generator = new OpenAiEmbeddingGenerator(LlmHarness.Options(server));

        Assert.Equal(5, await generator.GetDimensionsAsync(Token));
        Assert.Equal(5, await generator.GetDimensionsAsync(Token));
        Assert.Single(server.EmbeddingRequests);
    }

    [Fact]
    public void TheFingerprintNamesTheEndpointAndTheModel()
    {
        var options = new LlmOptions { Endpoint = new Uri("https://API.openai.com/v1/"), EmbeddingModel = "text-embedding-3-small" };
        using var generator = new OpenAiEmbeddingGenerator(options);

        Assert.Equal("openai-compatible:api.openai.com/v1#text-embedding-3-small", generator.Fingerprint);
    }

    [Fact]
    public async Task ARateLimitedBatchIsRetried()
    {
        await using var server = await FakeOpenAiServer.StartAsync(Token);
        server.EnqueueEmbeddings(FakeOpenAiReply.Error(429, "slow down"));
        using var generator = new OpenAiEmbeddingGenerator(LlmHarness.Options(server));

        var embeddings = await generator.GenerateAsync(["talks"], cancellationToken: Token);

        Assert.Single(embeddings);
        Assert.Equal(2, server.EmbeddingRequests.Count);
    }
}
