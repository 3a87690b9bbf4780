using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;

namespace TalksBot.Llm.OpenAi;

/// <summary>
/// Model access through Microsoft.Extensions.AI.OpenAI: one <see cref="OpenAIClient"/> for the endpoint, adapted to
/// <see cref="IChatClient"/> / <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>, with our behaviours as middleware:
/// the library's logging and OpenTelemetry outside, our retries and plain-words failures next to the SDK.
/// </summary>
internal static class OpenAiClientFactory
{
    /// <summary>The OpenTelemetry source the chat and embedding spans are recorded under.</summary>
    public const string TelemetrySource = "TalksBot.Llm";

    public static OpenAIClient Client(LlmOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint ?? throw new InvalidOperationException($"{LlmOptions.Section}:Endpoint is not set."),
            // Polly (LlmResilience) is the only retry policy: two layers would multiply attempts and ignore our caps.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // A backstop for a stream that stalls between tokens; the per-attempt timeout covers the wait for the first.
            NetworkTimeout = options.RequestTimeout,
            UserAgentApplicationId = "TalksBot",
        };
        if (string.IsNullOrEmpty(options.ApiKey))
        {
            clientOptions.AddPolicy(new NoAuthorizationHeaderPolicy(), PipelinePosition.BeforeTransport);
        }

        // The SDK requires a credential even for servers that take none; NoAuthorizationHeaderPolicy strips this one.
        return new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey), clientOptions);
    }

    // Logging and telemetry sit outside the resilient layer, so they see one call and only our key-free LlmException.
    public static IChatClient Chat(OpenAIClient client, LlmOptions options, ILoggerFactory loggerFactory, TimeProvider time) =>
        client.GetChatClient(options.ChatModel ?? throw new InvalidOperationException($"{LlmOptions.Section}:ChatModel is not set."))
            .AsIChatClient()
            .AsBuilder()
            .UseLogging(loggerFactory)
            .UseOpenTelemetry(loggerFactory, TelemetrySource)
            .Use(inner => new ResilientChatClient(inner, new LlmResilience(options, time, loggerFactory.CreateLogger<ResilientChatClient>()), options.ApiKey))
            .Build();

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(OpenAIClient client, LlmOptions options, ILoggerFactory loggerFactory, TimeProvider time) =>
        client.GetEmbeddingClient(options.EmbeddingModel ?? throw new InvalidOperationException($"{LlmOptions.Section}:EmbeddingModel is not set."))
            .AsIEmbeddingGenerator()
            .AsBuilder()
            .UseLogging(loggerFactory)
            .UseOpenTelemetry(loggerFactory, TelemetrySource)
            .Use(inner => new ResilientEmbeddingGenerator(inner, new LlmResilience(options, time, loggerFactory.CreateLogger<ResilientEmbeddingGenerator>()), options.ApiKey))
            .Build();
}
