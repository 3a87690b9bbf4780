using System.Globalization;
using System.Text.RegularExpressions;

namespace TalksBot.Core.Articles;

/// <summary>
/// The publication date a news link states in its path. Most news sites and blog engines (WordPress's default
/// permalinks among them) put it there as <c>/YYYY/MM/DD/</c>, so an article that carries only its source link still
/// shows when it appeared. Year-and-month paths and impossible dates give nothing: a guess is worse than no date.
/// </summary>
public static partial class ArticleUrlDate
{
    /// <summary>The date in <paramref name="url"/>'s path as midnight UTC, or null when it states none.</summary>
    public static DateTimeOffset? From(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var match = PathDate().Match(uri.AbsolutePath);
        return match.Success && DateTime.TryParseExact(
                $"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}", "yyyy-MM-dd",
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;
    }

    // Four-digit years from 1990: the web's news archives start there, and a lower number is an id, not a year.
    [GeneratedRegex(@"/((?:19[89]|2\d\d)\d)/(\d{2})/(\d{2})(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PathDate();
}
