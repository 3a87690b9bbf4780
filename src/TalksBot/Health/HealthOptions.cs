using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TalksBot.Health;

/// <summary>Where <c>run</c> answers an orchestrator's liveness and readiness probes.</summary>
internal sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>The local port of <c>/health/live</c> and <c>/health/ready</c>; 0 (the default) serves no endpoint.</summary>
    [Range(0, 65535, ErrorMessage = "Health:Port must be a port number, 1-65535, or 0 for no health endpoints")]
    public int Port { get; set; }

    /// <summary>The address to listen on: loopback by default; 0.0.0.0 inside a container, where the probe comes from outside.</summary>
    [Required(ErrorMessage = "Health:BindAddress is required, e.g. 127.0.0.1")]
    [RegularExpression(@"^[0-9A-Fa-f:.]+$", ErrorMessage = "Health:BindAddress must be an IP address, e.g. 127.0.0.1 or 0.0.0.0")]
    public string BindAddress { get; set; } = "127.0.0.1";
}

[OptionsValidator]
internal sealed partial class HealthOptionsValidator : IValidateOptions<HealthOptions>;
