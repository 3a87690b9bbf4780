using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;
using TalksBot.Llm.Answering;
using TalksBot.Llm.OpenAi;

namespace TalksBot.Llm.Tests;

public sealed class LlmHostingExtensionsTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Llm:PromptPath"] = LlmHarness.PromptPath });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddKeyedSingleton<IAnswerer>(LlmServiceKeys.FallbackAnswerer, FakeAnswerer.Answering());
        builder.Services.AddSingleton<IPassageSearch>(new FakePassageSearch([]));
        builder.AddLlm();
        return builder.Build();
    }

    [Fact]
    public void WithoutConfigurationNoModelServicesAreRegistered()
    {
        using var host = Build([]);

        Assert.Null(host.Services.GetService<VerifiedLlmAnswerer>());
        Assert.Null(host.Services.GetService<IChatClient>());
        Assert.Null(host.Services.GetKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(LlmServiceKeys.EndpointEmbeddings));
    }

    [Fact]
    public void AnEndpointAndBothModelsRegisterTheAnswererAndTheLibrarysClientsWithOurMiddleware()
    {
        using var host = Build(new()
        {
            ["Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Llm:ChatModel"] = "llama3.2",
            ["Llm:EmbeddingModel"] = "nomic-embed-text",
        });

        Assert.Same(host.Services.GetRequiredService<VerifiedLlmAnswerer>(), host.Services.GetRequiredService<IStreamingAnswerer>());
        Assert.Same(host.Services.GetRequiredService<VerifiedLlmAnswerer>(), host.Services.GetRequiredService<IAnswerer>());
        var chat = host.Services.GetRequiredService<IChatClient>();
        Assert.NotNull(chat.GetService<ResilientChatClient>());
        Assert.NotNull(chat.GetService<LoggingChatClient>());
        Assert.NotNull(chat.GetService<OpenTelemetryChatClient>());
        Assert.Equal("llama3.2", chat.GetService<ChatClientMetadata>()!.DefaultModelId);
        var embedder = host.Services.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(LlmServiceKeys.EndpointEmbeddings);
        Assert.NotNull(embedder.GetService<ResilientEmbeddingGenerator>());
        Assert.Equal("nomic-embed-text", embedder.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId);
    }

    [Fact]
    public async Task StartUpFailsNamingTheKeyWhenAChatModelHasNoEndpoint()
    {
        using var host = Build(new() { ["Llm:ChatModel"] = "gpt-4o-mini" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Llm:Endpoint", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerPromptThatCannotBeParsedStopsStartUpNamingTheFile()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("talksbot-prompt-").FullName, "answer.prompt");
        await File.WriteAllTextAsync(path, "Answer from these: {{$pasages}}", TestContext.Current.CancellationToken);
        using var host = Build(new()
        {
            ["Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Llm:ChatModel"] = "llama3.2",
            ["Llm:PromptPath"] = path,
        });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Llm:PromptPath", exception.Message, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("{{$pasages}}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingAnswerPromptStopsStartUpNamingTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.prompt");
        using var host = Build(new()
        {
            ["Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Llm:ChatModel"] = "llama3.2",
            ["Llm:PromptPath"] = path,
        });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }
}
