using System.Globalization;
using System.Text.RegularExpressions;

namespace TalksBot.Core.Articles;

/// <summary>
/// Separates the metadata lines that syndicated news text carries around its body ("Source link : URL" at the
/// top; "The post … first appeared on …", a "—-" rule, "Author : …", "Publish date : …" and a copyright line at
/// the bottom) from the body itself. Only leading and trailing lines are taken, so a body line that happens to
/// start with "Author:" is left alone. Plain-text, Markdown and HTML formats share it.
/// </summary>
internal static partial class SyndicationText
{
    /// <summary>Splits <paramref name="text"/> into its metadata and body; <see cref="ParsedArticle.Title"/> is left null.</summary>
    public static ParsedArticle Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        string? url = null, author = null;
        DateTimeOffset? published = null;

        bool TakeMetadata(string line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || Boilerplate().IsMatch(trimmed))
            {
                return true;
            }

            if (SourceLink().Match(trimmed) is { Success: true } link)
            {
                url ??= Uri.TryCreate(link.Groups[1].Value, UriKind.Absolute, out var uri) ? uri.ToString() : null;
                return true;
            }

            if (AuthorLine().Match(trimmed) is { Success: true } byline)
            {
                author ??= byline.Groups[1].Value.Trim();
                return true;
            }

            if (PublishDateLine().Match(trimmed) is { Success: true } date)
            {
                // An odd date format costs the article its date, not its place in the set.
                published ??= TryParseDate(date.Groups[1].Value, out var value) ? value : null;
                return true;
            }

            return false;
        }

        var first = 0;
        while (first < lines.Length && TakeMetadata(lines[first]))
        {
            first++;
        }

        var last = lines.Length - 1;
        while (last >= first && TakeMetadata(lines[last]))
        {
            last--;
        }

        var body = string.Join('\n', lines[first..(last + 1)]).Trim();
        return new ParsedArticle(null, url, published, author, body);
    }

    /// <summary>Parses a publish date the way articles write it; a date without an offset is taken as UTC.</summary>
    public static bool TryParseDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);

    [GeneratedRegex(@"^Source\s+link\s*:\s*(\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLink();

    [GeneratedRegex(@"^Author\s*:\s*(\S.{0,150})$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorLine();

    [GeneratedRegex(@"^Publish(?:ed|ing)?\s+date\s*:\s*(\S.{0,60})$", RegexOptions.IgnoreCase)]
    private static partial Regex PublishDateLine();

    // A lone rule ("—-", "---", "***"), the syndication copyright notice, and "The post X first appeared on Y."
    [GeneratedRegex(
        @"^(?:[-—–_*=]{1,5}|Copyright for syndicated content belongs to the linked Source\.?|The post .+ first appeared on .+)$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Boilerplate();
}
