using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace TalksBot.Analytics;

/// <summary>Where and how questions, feedback and the audit log are stored.</summary>
public sealed class AnalyticsOptions : IValidatableObject
{
    public const string Section = "Analytics";

    /// <summary>SQLite (the default) for one machine; PostgreSQL when several processes or hosts share the log.</summary>
    public AnalyticsProvider Provider { get; set; } = AnalyticsProvider.Sqlite;

    /// <summary>
    /// The Npgsql connection string when <see cref="Provider"/> is PostgreSQL; it may hold a password, so give it
    /// through the environment (Analytics__ConnectionString) or user secrets, and it is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file (Provider sqlite), relative to the current directory unless rooted; its folder is created on first use.</summary>
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

        if (Provider == AnalyticsProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Analytics:ConnectionString must be set when Analytics:Provider is postgres, e.g. " +
                "Host=db.example;Port=5432;Database=talksbot;Username=talksbot (the password through Analytics__ConnectionString).",
                [nameof(ConnectionString)]);
        }
        else if (Provider == AnalyticsProvider.Postgres && !IsValidConnectionString(ConnectionString!))
        {
            yield return new ValidationResult(
                "Analytics:ConnectionString is not a valid Npgsql connection string (Host=...;Database=...;Username=...).",
                [nameof(ConnectionString)]);
        }
    }

    // The parser's own message can quote the offending part, which may be the password: only say that it failed.
    private static bool IsValidConnectionString(string value)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
