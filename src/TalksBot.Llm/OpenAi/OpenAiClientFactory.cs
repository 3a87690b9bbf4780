using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace TalksBot.Llm.OpenAi;

/// <summary>The SDK settings shared by the chat and embedding adapters.</summary>
internal static class OpenAiClientFactory
{
    public static OpenAIClientOptions ClientOptions(LlmOptions options)
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

        return clientOptions;
    }

    // The SDK requires a credential even for servers that take none; NoAuthorizationHeaderPolicy strips this one.
    public static ApiKeyCredential Credential(LlmOptions options) =>
        new(string.IsNullOrEmpty(options.ApiKey) ? "no-key" : options.ApiKey);
}
