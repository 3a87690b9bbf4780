using System.ComponentModel.DataAnnotations;

namespace TalksBot.Analytics;

/// <summary>Where and how questions, feedback and the audit log are stored.</summary>
public sealed class AnalyticsOptions : IValidatableObject
{
    public const string Section = "Analytics";

    /// <summary>The SQLite file, relative to the current directory unless rooted; its folder is created on first use.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Analytics:DatabasePath must name the SQLite file for questions, feedback and the audit log.")]
    public string DatabasePath { get; set; } = ".talksbot/analytics.db";

    /// <summary>Store askers' and voters' ids as a keyed hash (the default) rather than as given.</summary>
    public bool HashUserIds { get; set; } = true;

    /// <summary>Questions older than this many days are deleted on open and daily; 0 keeps them forever.</summary>
    public int RetentionDays { get; set; }

    /// <summary>When false, questions and feedback are not recorded; the audit log and stats still work.</summary>
    public bool Enabled { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Checked here rather than with [Range]: the source-generated validator's copy of RangeAttribute
        // ignores ErrorMessage, and the message must name the configuration key.
        if (RetentionDays is < 0 or > 36_500)
        {
            yield return new ValidationResult(
                "Analytics:RetentionDays must be between 0 (keep forever) and 36500 days.", [nameof(RetentionDays)]);
        }
    }
}
