// Hand-written: Microsoft.Extensions.AI.OpenAI (the official adapter) is not in our package registry; only the abstractions are.
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAIChat = OpenAI.Chat;

namespace TalksBot.Llm.OpenAi;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI SDK's chat client for any OpenAI-compatible endpoint, text only, with
/// the retry and timeout policy of <see cref="LlmResilience"/>. Every failure leaves as an <see cref="LlmException"/>.
/// </summary>
public sealed class OpenAiChatClient : IChatClient
{
    private const string ModelSetting = nameof(LlmOptions.ChatModel);

    private readonly OpenAIChat.ChatClient _client;
    private readonly LlmOptions _options;
    private readonly LlmResilience _resilience;
    private readonly ChatClientMetadata _metadata;

    public OpenAiChatClient(LlmOptions options, TimeProvider? time = null, ILogger<OpenAiChatClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsChatConfigured)
        {
            throw new ArgumentException($"{LlmOptions.Section}:Endpoint and {LlmOptions.Section}:ChatModel must be set.", nameof(options));
        }

        _options = options;
        Model = options.ChatModel!;
        _client = new OpenAIChat.ChatClient(Model, OpenAiClientFactory.Credential(options), OpenAiClientFactory.ClientOptions(options));
        _resilience = new LlmResilience(options, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
        _metadata = new ChatClientMetadata("openai-compatible", options.Endpoint, Model);
    }

    /// <summary>The configured chat model.</summary>
    public string Model { get; }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ToOpenAi(messages);
        var settings = Settings(options);
        var completion = await _resilience.ExecuteAsync(
            async token => (await _client.CompleteChatAsync(request, settings, token)).Value,
            _options.ApiKey, ModelSetting, cancellationToken);

        var text = string.Concat(completion.Content.Where(part => part.Kind == OpenAIChat.ChatMessageContentPartKind.Text).Select(part => part.Text));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = completion.Model,
            ResponseId = completion.Id,
            CreatedAt = completion.CreatedAt,
            FinishReason = FinishReason(completion.FinishReason),
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
        };
    }

    /// <summary>
    /// Streams the reply. The wait for the first token is retried like a non-streamed call; once text has been
    /// yielded a failure is not retried (the caller has shown it) and leaves as an <see cref="LlmException"/>.
    /// </summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ToOpenAi(messages);
        var settings = Settings(options);
        var stream = await _resilience.ExecuteAsync(token => OpenStreamAsync(request, settings, token, cancellationToken), _options.ApiKey, ModelSetting, cancellationToken);
        await using var _ = stream;
        var enumerator = stream.Enumerator;
        while (true)
        {
            yield return ToUpdate(enumerator.Current);
            bool moved;
            try
            {
                moved = await enumerator.MoveNextAsync();
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && _resilience.Translate(exception, _options.ApiKey, ModelSetting) is { } translated)
            {
                throw translated;
            }

            if (!moved)
            {
                yield break;
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_client) ? _client
            : null;
    }

    public void Dispose()
    {
    }

    // The attempt's token carries the per-attempt timeout but Polly recycles it when the attempt ends, so the stream
    // reads with a source of its own that the attempt's token cancels only while waiting for the first update.
    private async Task<OpenStream> OpenStreamAsync(
        List<OpenAIChat.ChatMessage> request, OpenAIChat.ChatCompletionOptions settings, CancellationToken attemptToken, CancellationToken callerToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        var enumerator = _client.CompleteChatStreamingAsync(request, settings, source.Token).GetAsyncEnumerator(source.Token);
        try
        {
            using (attemptToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), source))
            {
                if (!await enumerator.MoveNextAsync())
                {
                    throw LlmErrors.InvalidReply("the stream ended before any update");
                }
            }

            attemptToken.ThrowIfCancellationRequested();
            return new OpenStream(enumerator, source);
        }
        catch
        {
            await enumerator.DisposeAsync();
            source.Dispose();
            throw;
        }
    }

    private OpenAIChat.ChatCompletionOptions Settings(ChatOptions? options)
    {
        var settings = new OpenAIChat.ChatCompletionOptions { Temperature = options?.Temperature ?? _options.Temperature };
        if (options?.MaxOutputTokens is { } max)
        {
            settings.MaxOutputTokenCount = max;
        }

        if (options?.TopP is { } topP)
        {
            settings.TopP = topP;
        }

        foreach (var stop in options?.StopSequences ?? [])
        {
            settings.StopSequences.Add(stop);
        }

        return settings;
    }

    private static List<OpenAIChat.ChatMessage> ToOpenAi(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var converted = new List<OpenAIChat.ChatMessage>();
        foreach (var message in messages)
        {
            converted.Add(message.Role == ChatRole.System ? new OpenAIChat.SystemChatMessage(message.Text)
                : message.Role == ChatRole.Assistant ? new OpenAIChat.AssistantChatMessage(message.Text)
                : message.Role == ChatRole.User ? new OpenAIChat.UserChatMessage(message.Text)
                : throw new NotSupportedException($"Chat role '{message.Role}' is not supported; only system, user and assistant text messages are."));
        }

        return converted;
    }

    private static ChatResponseUpdate ToUpdate(OpenAIChat.StreamingChatCompletionUpdate update) =>
        new(ChatRole.Assistant, string.Concat(update.ContentUpdate.Where(part => part.Kind == OpenAIChat.ChatMessageContentPartKind.Text).Select(part => part.Text)))
        {
            ModelId = update.Model,
            ResponseId = update.CompletionId,
            CreatedAt = update.CreatedAt,
            FinishReason = update.FinishReason is { } reason ? FinishReason(reason) : null,
        };

    private static ChatFinishReason? FinishReason(OpenAIChat.ChatFinishReason reason) => reason switch
    {
        OpenAIChat.ChatFinishReason.Stop => ChatFinishReason.Stop,
        OpenAIChat.ChatFinishReason.Length => ChatFinishReason.Length,
        OpenAIChat.ChatFinishReason.ContentFilter => ChatFinishReason.ContentFilter,
        OpenAIChat.ChatFinishReason.ToolCalls or OpenAIChat.ChatFinishReason.FunctionCall => ChatFinishReason.ToolCalls,
        _ => null,
    };

    private sealed class OpenStream(IAsyncEnumerator<OpenAIChat.StreamingChatCompletionUpdate> enumerator, CancellationTokenSource source) : IAsyncDisposable
    {
        public IAsyncEnumerator<OpenAIChat.StreamingChatCompletionUpdate> Enumerator => enumerator;

        public async ValueTask DisposeAsync()
        {
            await enumerator.DisposeAsync();
            source.Dispose();
        }
    }
}
