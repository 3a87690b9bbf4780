using System.ComponentModel.DataAnnotations;
using TalksBot.Llm.Answering;

namespace TalksBot.Llm;

/// <summary>
/// An OpenAI-compatible endpoint (OpenAI, Azure OpenAI's /openai/v1, Ollama, vLLM, llama.cpp server, LM Studio).
/// Leaving Endpoint and the model names empty keeps the embedded, model-free answerer and embedder.
/// </summary>
public sealed class LlmOptions : IValidatableObject
{
    public const string Section = "Llm";

    /// <summary>Base URL including the API version path, e.g. <c>https://api.openai.com/v1</c> or <c>http://localhost:11434/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Sent as a bearer token; optional because local servers usually need none. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The model that answers questions; empty keeps the extractive answerer.</summary>
    public string? ChatModel { get; set; }

    /// <summary>The model that embeds passages and questions when <c>Embeddings:Provider</c> is <c>OpenAi</c>.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>Time allowed for one attempt (a streamed reply: until its first token, then between tokens).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, on rate limiting, server errors and timeouts only.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry delay; later ones double, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest Retry-After the bot will wait; a server asking for longer gets this instead.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>0 keeps answers as close to the passages as the model allows.</summary>
    [Range(0.0, 2.0)]
    public float Temperature { get; set; }

    /// <summary>How many earlier turns of a conversation are sent with a follow-up question.</summary>
    [Range(0, 20)]
    public int MaxHistoryTurns { get; set; } = 3;

    /// <summary>
    /// The answer prompt: a Semantic Kernel template of the system message, which operators may tune without rebuilding.
    /// Relative paths are resolved from the working directory, like the other data files. Checked at start-up.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string PromptPath { get; set; } = AnswerPrompt.DefaultPath;

    /// <summary>
    /// How many times a tool-calling model may search the articles again (articles.search) for one question, for a
    /// multi-part or follow-up question; 0 offers no tool. At most 3: each search is a model round trip.
    /// </summary>
    [Range(0, 3)]
    public int MaxSearches { get; set; } = 3;

    /// <summary>The time all of one question's searches may take together; a search past it is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SearchBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Passages one search returns to the model.</summary>
    [Range(1, 10)]
    public int SearchLimit { get; set; } = 4;

    /// <summary>True when a chat model and an endpoint are set: answers are generated.</summary>
    public bool IsChatConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(ChatModel);

    /// <summary>True when an embedding model and an endpoint are set: dense vectors come from the endpoint.</summary>
    public bool IsEmbeddingConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(EmbeddingModel);

    /// <summary>Rejects settings that would half-work: a model without an endpoint, an endpoint with nothing to do, a relative or non-HTTP URL.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasChat = !string.IsNullOrWhiteSpace(ChatModel);
        var hasEmbedding = !string.IsNullOrWhiteSpace(EmbeddingModel);
        if (Endpoint is null)
        {
            if (hasChat)
            {
                yield return new ValidationResult(
                    $"{Section}:ChatModel is set but {Section}:Endpoint is not; set {Section}:Endpoint (e.g. http://localhost:11434/v1) or remove {Section}:ChatModel.",
                    [nameof(Endpoint)]);
            }

            if (hasEmbedding)
            {
                yield return new ValidationResult(
                    $"{Section}:EmbeddingModel is set but {Section}:Endpoint is not; set {Section}:Endpoint or remove {Section}:EmbeddingModel.",
                    [nameof(Endpoint)]);
            }

            if (!string.IsNullOrEmpty(ApiKey) && !hasChat && !hasEmbedding)
            {
                yield return new ValidationResult(
                    $"{Section}:ApiKey is set but {Section}:Endpoint and {Section}:ChatModel are not; set both to use a language model.",
                    [nameof(Endpoint)]);
            }

            yield break;
        }

        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult(
                $"{Section}:Endpoint must be an absolute http(s) URL such as https://api.openai.com/v1.", [nameof(Endpoint)]);
        }

        if (!hasChat && !hasEmbedding)
        {
            yield return new ValidationResult(
                $"{Section}:Endpoint is set but neither {Section}:ChatModel nor {Section}:EmbeddingModel is; set the model(s) to use.",
                [nameof(ChatModel)]);
        }
    }
}
