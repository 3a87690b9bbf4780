using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TalksBot.Core.Embeddings;
using TalksBot.Llm;

namespace TalksBot.Embeddings.Tests;

public sealed class EmbeddingsOptionsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Bert")]
    [InlineData("1")]
    [InlineData("MiniLm,Hashing")]
    [InlineData(" ")]
    public async Task AnUnknownProviderStopsStartUpNamingTheKey(string provider)
    {
        using var host = Build($"Embeddings:Provider={provider}");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        Assert.Contains("Embeddings:Provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAiWithoutAnEmbeddingModelStopsStartUpNamingTheKey()
    {
        // A chat model brings the answer prompt's start-up check; a valid template keeps this test about the embedder.
        var prompt = Path.Combine(Directory.CreateTempSubdirectory("talksbot-prompt-").FullName, "answer.prompt");
        await File.WriteAllTextAsync(prompt, "Answer from {{$passages}}", Token);
        using var host = Build("Embeddings:Provider=OpenAi", "Llm:Endpoint=http://127.0.0.1:9/v1", "Llm:ChatModel=chat", $"Llm:PromptPath={prompt}");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        Assert.Contains("Embeddings:Provider", error.Message, StringComparison.Ordinal);
        Assert.Contains("Llm:EmbeddingModel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChunkSizeOutOfRangeStopsStartUpNamingTheKey()
    {
        using var host = Build("Embeddings:Provider=Hashing", "Embeddings:ChunkSize=0");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Token));

        Assert.Contains("Embeddings:ChunkSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MiniLmIsTheDefaultProvider()
    {
        using var host = Build();

        Assert.IsType<MiniLmEmbeddingGenerator>(host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Theory]
    [InlineData("hashing", typeof(HashingEmbeddingGenerator))]
    [InlineData("MiniLm", typeof(MiniLmEmbeddingGenerator))]
    public void TheProviderNamedIsTheOneRegistered(string provider, Type expected)
    {
        using var host = Build($"Embeddings:Provider={provider}");

        Assert.IsType(expected, host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Fact]
    public void OpenAiRegistersTheEndpointsEmbeddingModel()
    {
        using var host = Build("Embeddings:Provider=OpenAi", "Llm:Endpoint=http://127.0.0.1:9/v1", "Llm:EmbeddingModel=embed");

        var metadata = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal("embed", metadata?.DefaultModelId);
        Assert.Equal(new Uri("http://127.0.0.1:9/v1"), metadata?.ProviderUri);
    }

    [Fact]
    public void OnlyTheMiniLmProviderLoadsAModelAtStart()
    {
        using var hashing = Build("Embeddings:Provider=Hashing");
        using var miniLm = Build();

        Assert.DoesNotContain(hashing.Services.GetServices<IHostedService>(), s => s is MiniLmWarmUpService);
        Assert.Contains(miniLm.Services.GetServices<IHostedService>(), s => s is MiniLmWarmUpService);
    }

    [Fact]
    public void EachProviderGivesTheIndexADifferentFingerprint()
    {
        string[] providers = ["MiniLm", "Hashing", "OpenAi"];

        var names = providers.Select(p =>
        {
            using var host = Build($"Embeddings:Provider={p}", "Llm:Endpoint=http://127.0.0.1:9/v1", "Llm:EmbeddingModel=embed");
            var metadata = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GetService<EmbeddingGeneratorMetadata>();
            return $"{metadata?.ProviderName}/{metadata?.DefaultModelId}/{metadata?.DefaultModelDimensions}";
        }).ToList();

        Assert.Equal(providers.Length, names.Distinct().Count());
    }

    private static IHost Build(params string[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => s.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], (string?)p[1])));
        builder.AddLlm();
        builder.AddEmbeddings();
        return builder.Build();
    }
}
