using System.Text.Json;

namespace TalksBot.Core.Evaluation;

/// <summary>
/// Reads a JSONL Q&amp;A suite: one object per line,
/// <c>{"id", "question", "answers": [..], "sources": [articleId..], "answerable": bool, "forbidden": [..]?}</c>; blank lines are ignored.
/// The first line may instead be a header naming the article set the suite was written for,
/// <c>{"suite": {"articles": "folder"}}</c>, the folder relative to the suite file.
/// Validates everything before returning so an evaluation never stops half-way on a bad line.
/// </summary>
public static class QaSuiteReader
{
    private static readonly Dictionary<string, string> ExpectedTypes = new(StringComparer.Ordinal)
    {
        ["id"] = "a string",
        ["question"] = "a string",
        ["answers"] = "an array of strings",
        ["sources"] = "an array of article ids (strings)",
        ["answerable"] = "true or false",
        ["forbidden"] = "an array of strings",
    };

    /// <summary>Reads the suite at <paramref name="path"/>, named after the file.</summary>
    /// <exception cref="QaSuiteException">The file has bad lines, duplicate ids or no questions.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static async Task<QaSuite> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        QaSuite suite;
        await using (var stream = File.OpenRead(path))
        {
            suite = await ReadAsync(stream, Path.GetFileNameWithoutExtension(path), cancellationToken);
        }

        if (suite.Articles is null)
        {
            return suite;
        }

        var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, suite.Articles));
        return Directory.Exists(folder)
            ? suite with { Articles = folder }
            : throw new QaSuiteException(suite.Name, [new QaSuiteLineError(HeaderLine(suite), $"the article set \"{suite.Articles}\" named by the header is not a folder beside the suite ({folder})")]);
    }

    /// <summary>Reads a UTF-8 suite from <paramref name="stream"/>.</summary>
    /// <exception cref="QaSuiteException">The suite has bad lines, duplicate ids or no questions.</exception>
    public static async Task<QaSuite> ReadAsync(Stream stream, string name, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lines.Add(line);
        }

        return Parse(lines, name);
    }

    /// <summary>Parses suite lines (line 1 first).</summary>
    /// <exception cref="QaSuiteException">The suite has bad lines, duplicate ids or no questions.</exception>
    public static QaSuite Parse(IEnumerable<string> lines, string name)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var items = new List<QaItem>();
        var errors = new List<QaSuiteLineError>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        var seenContent = false;
        string? articles = null;
        foreach (var text in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var problems = new List<string>();
            if (SuiteHeader.IsHeader(text))
            {
                if (seenContent)
                {
                    problems.Add("the suite header {\"suite\": ...} must be the first line, before any question");
                }
                else
                {
                    articles = SuiteHeader.Parse(text, problems);
                }

                seenContent = true;
                errors.AddRange(problems.Select(p => new QaSuiteLineError(lineNumber, p)));
                continue;
            }

            seenContent = true;
            var item = ParseLine(text, lineNumber, problems);
            if (item is not null && !firstLineOfId.TryAdd(item.Id, lineNumber))
            {
                problems.Add($"duplicate id \"{item.Id}\" (first used on line {firstLineOfId[item.Id]}); ids must be unique");
            }

            errors.AddRange(problems.Select(p => new QaSuiteLineError(lineNumber, p)));
            if (problems.Count == 0 && item is not null)
            {
                items.Add(item);
            }
        }

        if (errors.Count == 0 && items.Count == 0)
        {
            errors.Add(new QaSuiteLineError(0, "the suite has no questions; write one JSON object per line"));
        }

        return errors.Count > 0 ? throw new QaSuiteException(name, errors) : new QaSuite(name, items) { Articles = articles };
    }

    // The header is the line before the first item, so its number is one less than the first item's.
    private static int HeaderLine(QaSuite suite) => suite.Items.Count > 0 ? Math.Max(1, suite.Items[0].Line - 1) : 1;

    private static QaItem? ParseLine(string text, int lineNumber, List<string> problems)
    {
        // Parsing as a document first separates "not JSON at all" from "JSON with a wrong-typed field",
        // which need different advice.
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            problems.Add($"not valid JSON near character {ex.BytePositionInLine + 1}; write one complete JSON object per line");
            return null;
        }

        QaSuiteLine? line;
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"expected a JSON object {{\"id\": ..., \"question\": ...}}, found {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
                return null;
            }

            try
            {
                line = document.RootElement.Deserialize(QaSuiteJsonContext.Default.QaSuiteLine);
            }
            catch (JsonException ex)
            {
                var field = FieldOf(ex.Path);
                problems.Add(field is not null && ExpectedTypes.TryGetValue(field, out var expected)
                    ? $"field \"{field}\" has the wrong type: expected {expected}"
                    : $"a field has the wrong type at {ex.Path}");
                return null;
            }
        }

        return line is null ? null : Validate(line, lineNumber, problems);
    }

    private static QaItem? Validate(QaSuiteLine line, int lineNumber, List<string> problems)
    {
        foreach (var unknown in line.Unknown?.Keys ?? Enumerable.Empty<string>())
        {
            problems.Add($"unknown field \"{unknown}\"; expected {string.Join(", ", ExpectedTypes.Keys.Select(k => $"\"{k}\""))}");
        }

        RequireText(line.Id, "id", problems);
        RequireText(line.Question, "question", problems);
        if (line.Answerable is null)
        {
            problems.Add("missing field \"answerable\" (true or false)");
        }

        var answers = Strings(line.Answers, "answers", required: true, problems);
        var sources = Strings(line.Sources, "sources", required: true, problems);
        var forbidden = Strings(line.Forbidden, "forbidden", required: false, problems);
        if (line.Answerable == true && line.Answers is not null && answers.Count == 0)
        {
            problems.Add("an answerable question needs at least one accepted answer in \"answers\"");
        }

        if (line.Answerable == true && line.Sources is not null && sources.Count == 0)
        {
            problems.Add("an answerable question needs at least one article id in \"sources\"");
        }

        return problems.Count > 0
            ? null
            : new QaItem(line.Id!.Trim(), line.Question!.Trim(), answers, sources, line.Answerable!.Value, forbidden, lineNumber);
    }

    private static void RequireText(string? value, string field, List<string> problems)
    {
        if (value is null)
        {
            problems.Add($"missing field \"{field}\"");
        }
        else if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"field \"{field}\" is empty");
        }
    }

    private static List<string> Strings(List<string?>? values, string field, bool required, List<string> problems)
    {
        if (values is null)
        {
            if (required)
            {
                problems.Add($"missing field \"{field}\" ({ExpectedTypes[field]}, may be [] for an unanswerable question)");
            }

            return [];
        }

        var result = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            // An empty accepted or forbidden string would match every reply and make the item meaningless.
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                problems.Add($"item {i + 1} of \"{field}\" is null or empty; remove it or give it text");
            }
            else
            {
                result.Add(values[i]!.Trim());
            }
        }

        return result;
    }

    // "$.answers[2]" -> "answers"; "$['answers']" style paths are not produced for plain names.
    private static string? FieldOf(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = path[2..];
        var end = name.IndexOfAny(['.', '[']);
        return end < 0 ? name : name[..end];
    }
}
