// Hand-written: Microsoft.Extensions.AI.OpenAI (the official adapter) is not in our package registry; only the abstractions are.
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAIEmbeddings = OpenAI.Embeddings;

namespace TalksBot.Llm.OpenAi;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the OpenAI SDK's embedding client, in batches, with the
/// retry and timeout policy of <see cref="LlmResilience"/>. The vector size is learned from the first reply.
/// </summary>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Inputs per request: well under OpenAI's 2,048 and small enough for local servers' request limits.</summary>
    public const int MaxBatchSize = 64;

    private const string ModelSetting = nameof(LlmOptions.EmbeddingModel);
    private const string ProbeText = "dimension probe";

    private readonly OpenAIEmbeddings.EmbeddingClient _client;
    private readonly LlmOptions _options;
    private readonly LlmResilience _resilience;
    private readonly ILogger _logger;
    private int _dimensions;

    public OpenAiEmbeddingGenerator(LlmOptions options, TimeProvider? time = null, ILogger<OpenAiEmbeddingGenerator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEmbeddingConfigured)
        {
            throw new ArgumentException($"{LlmOptions.Section}:Endpoint and {LlmOptions.Section}:EmbeddingModel must be set.", nameof(options));
        }

        _options = options;
        Model = options.EmbeddingModel!;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _client = new OpenAIEmbeddings.EmbeddingClient(Model, OpenAiClientFactory.Credential(options), OpenAiClientFactory.ClientOptions(options));
        _resilience = new LlmResilience(options, time ?? TimeProvider.System, _logger);
        var endpoint = options.Endpoint!;
        Fingerprint = $"openai-compatible:{endpoint.Authority.ToLowerInvariant()}{endpoint.AbsolutePath.TrimEnd('/')}#{Model}";
    }

    /// <summary>The configured embedding model.</summary>
    public string Model { get; }

    /// <summary>
    /// Names the provider (endpoint host and path) and the model, e.g. <c>openai-compatible:api.openai.com/v1#text-embedding-3-small</c>.
    /// Vectors with different fingerprints are not comparable, so an index keyed on it is rebuilt when the model changes.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The vector size, once a reply has been seen; null before.</summary>
    public int? Dimensions => _dimensions == 0 ? null : _dimensions;

    /// <summary>The vector size, embedding a short probe text if no reply has been seen yet (an index needs it to create a collection).</summary>
    public async Task<int> GetDimensionsAsync(CancellationToken cancellationToken)
    {
        if (Dimensions is { } known)
        {
            return known;
        }

        await GenerateAsync([ProbeText], cancellationToken: cancellationToken);
        return _dimensions;
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var settings = new OpenAIEmbeddings.EmbeddingGenerationOptions { Dimensions = options?.Dimensions };
        var result = new GeneratedEmbeddings<Embedding<float>>();
        long inputTokens = 0;
        foreach (var batch in values.Chunk(MaxBatchSize))
        {
            var collection = await _resilience.ExecuteAsync(
                async token => (await _client.GenerateEmbeddingsAsync(batch, settings, token)).Value,
                _options.ApiKey, ModelSetting, cancellationToken);
            if (collection.Count != batch.Length)
            {
                throw LlmErrors.InvalidReply($"{collection.Count} embeddings for {batch.Length} inputs");
            }

            foreach (var item in collection.OrderBy(item => item.Index))
            {
                var vector = item.ToFloats();
                Learn(vector.Length);
                result.Add(new Embedding<float>(vector) { ModelId = collection.Model ?? Model, CreatedAt = DateTimeOffset.UtcNow });
            }

            inputTokens += collection.Usage?.InputTokenCount ?? 0;
        }

        result.Usage = new UsageDetails { InputTokenCount = inputTokens, TotalTokenCount = inputTokens };
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("openai-compatible", _options.Endpoint, Model, Dimensions)
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_client) ? _client
            : null;
    }

    public void Dispose()
    {
    }

    private void Learn(int dimensions)
    {
        if (dimensions == 0)
        {
            throw LlmErrors.InvalidReply("an empty embedding");
        }

        var previous = Interlocked.CompareExchange(ref _dimensions, dimensions, 0);
        if (previous == 0)
        {
            _logger.LogEmbeddingDimensions(Model, dimensions);
        }
        else if (previous != dimensions)
        {
            throw LlmErrors.InvalidReply($"a {dimensions}-dimensional embedding after {previous}-dimensional ones");
        }
    }
}
