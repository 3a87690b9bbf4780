using System.Text.Json;

namespace TalksBot.Core.Evaluation;

/// <summary>
/// The optional first line of a suite, <c>{"suite": {"articles": "folder"}}</c>: the article set the questions were
/// written for, so the eval indexes that set rather than whatever the served folder holds today.
/// </summary>
internal static class SuiteHeader
{
    private const string HeaderField = "suite";
    private const string ArticlesField = "articles";

    /// <summary>True when the line is a JSON object whose only business is the header (it has a "suite" field).</summary>
    public static bool IsHeader(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(HeaderField, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The article folder as written, or null (with <paramref name="problems"/> filled) when the header is malformed.</summary>
    public static string? Parse(string line, List<string> problems)
    {
        using var document = JsonDocument.Parse(line);
        foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != HeaderField))
        {
            problems.Add($"unknown field \"{property.Name}\" in the suite header; it holds only \"{HeaderField}\"");
        }

        var header = document.RootElement.GetProperty(HeaderField);
        if (header.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"field \"{HeaderField}\" of the header must be an object, e.g. {{\"{ArticlesField}\": \"talks-articles\"}}");
            return null;
        }

        string? articles = null;
        foreach (var property in header.EnumerateObject())
        {
            if (property.Name != ArticlesField)
            {
                problems.Add($"unknown field \"{property.Name}\" in the suite header; expected \"{ArticlesField}\"");
            }
            else if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                problems.Add($"\"{ArticlesField}\" in the suite header must name the article folder (a path relative to the suite file)");
            }
            else
            {
                articles = property.Value.GetString()!.Trim();
            }
        }

        if (articles is null && problems.Count == 0)
        {
            problems.Add($"the suite header names no \"{ArticlesField}\" folder");
        }

        return problems.Count > 0 ? null : articles;
    }
}
