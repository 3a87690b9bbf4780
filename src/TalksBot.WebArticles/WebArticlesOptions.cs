using System.ComponentModel.DataAnnotations;

namespace TalksBot.WebArticles;

/// <summary>Limits for fetching article pages from the web (configuration section <c>WebArticles</c>).</summary>
public sealed class WebArticlesOptions
{
    public const string Section = "WebArticles";

    /// <summary>Total time for one fetch, all redirects and the body included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest response body accepted, counted while streaming (after decompression).</summary>
    [Range(1024, 100_000_000)]
    public int MaxBytes { get; set; } = 5 * 1024 * 1024;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Turns off the SSRF protection: fetches may reach loopback, private and link-local addresses (cloud metadata,
    /// admin panels). Only for tests that import from a local server; never in production. Start-up logs a warning
    /// while it is on. The name says so because a "for tests" switch gets copied into real configuration.
    /// </summary>
    public bool UnsafeAllowPrivateNetworkFetches { get; set; }

    [Required]
    [MinLength(1)]
    public string UserAgent { get; set; } = "TalksBot/1.0 (article import for a moderated Q&A bot)";
}
