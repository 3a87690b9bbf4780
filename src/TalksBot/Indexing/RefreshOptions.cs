using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace TalksBot.Indexing;

/// <summary>How refreshes coordinate: one lock file shared by every TalksBot process on the machine, and the article watcher.</summary>
internal sealed class RefreshOptions : IValidatableObject
{
    public const string Section = "Refresh";

    /// <summary>Held (exclusive, advisory flock on Linux) for the whole of a refresh, rollback or initial build, by any process.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Refresh:LockPath must name the refresh lock file, e.g. .talksbot/refresh.lock.")]
    public string LockPath { get; set; } = ".talksbot/refresh.lock";

    /// <summary>The running refresh's progress, or the last one's outcome, for other processes to read.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Refresh:StatusPath must name the refresh status file, e.g. .talksbot/refresh-status.json.")]
    public string StatusPath { get; set; } = ".talksbot/refresh-status.json";

    /// <summary>While the bot runs, refresh when files in the article folder change.</summary>
    public bool WatchArticles { get; set; } = true;

    /// <summary>Quiet time after the last change before the watcher refreshes, so a burst of file writes makes one refresh.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often a refresh started from Discord updates its private reply with the progress.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(2);

    public string FullLockPath => Path.GetFullPath(LockPath);

    public string FullStatusPath => Path.GetFullPath(StatusPath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Debounce < TimeSpan.FromMilliseconds(100) || Debounce > TimeSpan.FromMinutes(10))
            yield return new ValidationResult("Refresh:Debounce must be between 100 ms and 10 minutes (e.g. 00:00:03).", [nameof(Debounce)]);
        // Discord lets an interaction's reply be edited about five times in a few seconds; faster updates would be refused.
        if (ProgressInterval < TimeSpan.FromMilliseconds(50) || ProgressInterval > TimeSpan.FromMinutes(1))
            yield return new ValidationResult("Refresh:ProgressInterval must be between 50 ms and 1 minute (e.g. 00:00:02).", [nameof(ProgressInterval)]);
    }
}

[OptionsValidator]
internal sealed partial class RefreshOptionsValidator : IValidateOptions<RefreshOptions>;
