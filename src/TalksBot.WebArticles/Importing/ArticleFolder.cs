using System.Globalization;
using System.Text.RegularExpressions;
using TalksBot.Core.Articles;

namespace TalksBot.WebArticles.Importing;

/// <summary>The article folder as the importer sees it: which articles exist, and which number the next one gets.</summary>
internal static partial class ArticleFolder
{
    /// <summary>Reads every article file; a file that cannot be read is skipped here, since the loader reports it.</summary>
    public static async Task<IReadOnlyList<ExistingArticle>> ReadAsync(string directory, ArticleFormats formats, CancellationToken ct)
    {
        var existing = new List<ExistingArticle>();
        foreach (var path in ArticleFiles(directory, formats))
        {
            try
            {
                var parsed = formats.Parse(path, await File.ReadAllTextAsync(path, ct));
                existing.Add(new ExistingArticle(Path.GetFileNameWithoutExtension(path), path,
                    UrlNormalizer.Normalize(parsed.Url), ContentFingerprint.Of(parsed.Body)));
            }
            catch (ArticleFormatException)
            {
                // An unreadable file cannot be a duplicate of anything; the loader tells the moderator what is wrong with it.
            }
        }
        return existing;
    }

    // Hidden files are skipped as the loader skips them: the importer's own half-written temp files start with a dot.
    public static IEnumerable<string> ArticleFiles(string directory, ArticleFormats formats) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(p => !Path.GetFileName(p).StartsWith('.') && formats.Reads(p))
                .Order(StringComparer.Ordinal)
            : [];

    /// <summary>The next "NNN" prefix: one past the highest numeric prefix in the folder, at least three digits.</summary>
    public static string NextNumber(string directory, ArticleFormats formats)
    {
        var highest = -1;
        foreach (var path in ArticleFiles(directory, formats))
        {
            var match = NumericPrefix().Match(Path.GetFileName(path));
            if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                highest = Math.Max(highest, number);
        }
        return (highest + 1).ToString("D3", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d{1,9})_")]
    private static partial Regex NumericPrefix();
}
