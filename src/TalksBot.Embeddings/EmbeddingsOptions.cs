using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace TalksBot.Embeddings;

/// <summary>The dense embedder (section <c>Embeddings</c>).</summary>
public sealed class EmbeddingsOptions : IValidatableObject
{
    public const string Section = "Embeddings";

    /// <summary><c>MiniLm</c> (default), <c>Hashing</c> or <c>OpenAi</c> (needs <c>Llm:Endpoint</c> and <c>Llm:EmbeddingModel</c>).</summary>
    public string Provider { get; set; } = nameof(EmbeddingProvider.MiniLm);

    /// <summary>MiniLM: texts per ONNX call; 8 was among the fastest on 2 cores, bigger batches pad more and ran slower.</summary>
    public int ChunkSize { get; set; } = 8;

    /// <summary>MiniLM: chunks encoded at once, one ONNX thread each; defaults to the number of cores.</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Set from <c>Llm</c> when the options are built, so a provider that needs it can be checked.</summary>
    internal bool LlmEmbeddingConfigured { get; set; }

    /// <summary>The parsed <see cref="Provider"/>; only meaningful once the options are valid.</summary>
    public EmbeddingProvider ProviderKind =>
        TryParseProvider(Provider, out var kind) ? kind : throw new InvalidOperationException($"{Section}:{nameof(Provider)} is not valid.");

    /// <summary>Accepts a provider's name in any case (not a number, which Enum.TryParse would take).</summary>
    public static bool TryParseProvider(string? value, out EmbeddingProvider provider)
    {
        var name = Enum.GetNames<EmbeddingProvider>().FirstOrDefault(n => string.Equals(n, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        provider = name is null ? default : Enum.Parse<EmbeddingProvider>(name);
        return name is not null;
    }

    /// <summary>Rejects an unknown provider, <c>OpenAi</c> without an embedding model and sizes out of range, naming the key.</summary>
    /// <remarks>Ranges are checked here: the source-generated validator's copy of [Range] drops a custom ErrorMessage.</remarks>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ChunkSize is < 1 or > 256)
        {
            yield return OutOfRange(nameof(ChunkSize), ChunkSize, 256);
        }

        if (Parallelism is < 1 or > 64)
        {
            yield return OutOfRange(nameof(Parallelism), Parallelism, 64);
        }

        if (!TryParseProvider(Provider, out var provider))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Provider)} is '{Provider}'; use one of {string.Join(", ", Enum.GetNames<EmbeddingProvider>())}.",
                [nameof(Provider)]);
        }
        else if (provider == EmbeddingProvider.OpenAi && !LlmEmbeddingConfigured)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Provider)} is OpenAi but Llm:Endpoint and Llm:EmbeddingModel are not both set; set them or choose MiniLm or Hashing.",
                [nameof(Provider)]);
        }
    }

    private static ValidationResult OutOfRange(string key, int value, int maximum) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Section}:{key} is {value}; it must be between 1 and {maximum}."), [key]);
}
