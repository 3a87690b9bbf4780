using System.Globalization;
using TalksBot.Core.Articles;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace TalksBot.WebArticles.Importing;

/// <summary>
/// A deliberately simple reader of .txt/.md article files (YAML front matter, or the seed files' "Source link :" and
/// "Publish date :" lines): enough to recognise duplicates and to import a local file when no registered format reads it.
/// </summary>
internal static class PlainArticleReader
{
    private const int MetadataLineScan = 10;

    private static readonly IDeserializer Yaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    public static ParsedArticle Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (lines.Count > 0 && lines[0].TrimEnd() == "---")
        {
            var end = lines.FindIndex(1, l => l.TrimEnd() is "---" or "...");
            if (end < 0)
                throw new ArticleFormatException("The front matter starting with '---' has no closing '---' line.");
            ReadFrontMatter(string.Join('\n', lines.GetRange(1, end - 1)), fields);
            lines.RemoveRange(0, end + 1);
        }

        for (var i = 0; i < Math.Min(MetadataLineScan, lines.Count); i++)
        {
            if (MetadataLine(lines[i]) is not { } field)
                continue;
            fields.TryAdd(field.Key, field.Value);
            lines.RemoveAt(i--);
        }

        return new ParsedArticle(
            fields.GetValueOrDefault("title"),
            fields.GetValueOrDefault("url"),
            ParseDate(fields.GetValueOrDefault("published")),
            fields.GetValueOrDefault("author"),
            string.Join('\n', lines).Trim());
    }

    private static void ReadFrontMatter(string yaml, Dictionary<string, string> fields)
    {
        Dictionary<string, object?>? values;
        try
        {
            values = Yaml.Deserialize<Dictionary<string, object?>>(yaml);
        }
        catch (YamlException ex)
        {
            throw new ArticleFormatException($"The front matter is not valid YAML: {ex.Message}", ex);
        }
        foreach (var (key, value) in values ?? [])
            if (value is string s && !string.IsNullOrWhiteSpace(s))
                fields[key] = s.Trim();
    }

    private static KeyValuePair<string, string>? MetadataLine(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return null;
        var key = line[..colon].Trim().ToUpperInvariant() switch
        {
            "SOURCE LINK" or "URL" => "url",
            "PUBLISH DATE" or "PUBLISHED" => "published",
            _ => null,
        };
        var value = line[(colon + 1)..].Trim();
        return key is null || value.Length == 0 ? null : new(key, value);
    }

    private static DateTimeOffset? ParseDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
