using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace TalksBot.Llm.OpenAi;

/// <summary>
/// Middleware next to the OpenAI adapter: each call runs under <see cref="LlmResilience"/> (per-attempt timeout,
/// retries on 429/5xx/timeouts honouring Retry-After), and every failure leaves as an <see cref="LlmException"/> in
/// plain words without the API key.
/// </summary>
internal sealed class ResilientChatClient(IChatClient inner, LlmResilience resilience, string? apiKey) : DelegatingChatClient(inner)
{
    private const string ModelSetting = nameof(LlmOptions.ChatModel);

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        resilience.ExecuteAsync(token => base.GetResponseAsync(messages, options, token), apiKey, ModelSetting, cancellationToken);

    /// <summary>
    /// Streams the reply. The wait for the first update is retried like a non-streamed call; once an update has been
    /// yielded a failure is not retried (the caller has it) and leaves as an <see cref="LlmException"/>.
    /// </summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var stream = await resilience.ExecuteAsync(token => OpenStreamAsync(messages, options, token, cancellationToken), apiKey, ModelSetting, cancellationToken);
        await using var _ = stream;
        var enumerator = stream.Enumerator;
        while (true)
        {
            yield return enumerator.Current;
            bool moved;
            try
            {
                moved = await enumerator.MoveNextAsync();
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && resilience.Translate(exception, apiKey, ModelSetting) is { } translated)
            {
                throw translated;
            }

            if (!moved)
            {
                yield break;
            }
        }
    }

    // The attempt's token carries the per-attempt timeout but Polly recycles it when the attempt ends, so the stream
    // reads with a source of its own that the attempt's token cancels only while waiting for the first update.
    private async Task<OpenStream> OpenStreamAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken attemptToken, CancellationToken callerToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        var enumerator = base.GetStreamingResponseAsync(messages, options, source.Token).GetAsyncEnumerator(source.Token);
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

    private sealed class OpenStream(IAsyncEnumerator<ChatResponseUpdate> enumerator, CancellationTokenSource source) : IAsyncDisposable
    {
        public IAsyncEnumerator<ChatResponseUpdate> Enumerator => enumerator;

        public async ValueTask DisposeAsync()
        {
            await enumerator.DisposeAsync();
            source.Dispose();
        }
    }
}
