using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace TalksBot.Core.Articles;

/// <summary>
/// Reads <c>.md</c>/<c>.markdown</c> articles with optional YAML front matter between <c>---</c> lines
/// (<c>title</c>, <c>url</c>, <c>published</c> or <c>date</c>, <c>author</c>; other keys are ignored).
/// Front matter wins over syndication metadata lines in the body.
/// </summary>
public sealed class MarkdownArticleFormat : IArticleFileFormat
{
    private const string Fence = "---";

    // Front matter needs depth 1 ('key: value'); a little room for odd but harmless metadata, far below what overflows the stack.
    private const int MaxFrontMatterDepth = 32;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".md", ".markdown"];

    /// <inheritdoc />
    public ParsedArticle Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = text.ReplaceLineEndings("\n");
        if (!normalised.StartsWith(Fence + "\n", StringComparison.Ordinal) && normalised.TrimEnd() != Fence)
        {
            return SyndicationText.Parse(normalised);
        }

        var lines = normalised.Split('\n');
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() is Fence or "...");
        if (close < 0)
        {
            throw new ArticleFormatException(
                "The front matter opened with '---' on line 1 is never closed; add a line containing only '---' after it.");
        }

        var frontMatter = ReadFrontMatter(string.Join('\n', lines[1..close]));
        var body = SyndicationText.Parse(string.Join('\n', lines[(close + 1)..]));
        return new ParsedArticle(
            frontMatter.Title ?? body.Title,
            frontMatter.Url ?? body.Url,
            frontMatter.Published ?? body.Published,
            frontMatter.Author ?? body.Author,
            body.Body);
    }

    private static ParsedArticle ReadFrontMatter(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            RefuseDeepNesting(yaml);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // Line numbers count from the line after the opening '---', so add one to point at the file's line.
            throw new ArticleFormatException(
                $"The front matter is not valid YAML near file line {e.Start.Line + 1}: {e.Message} Fix the YAML between the '---' lines.", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException on some broken input: InvalidOperationException from its
            // scanner ("title: [unclosed"), ArgumentException for a tag that is not a valid URI ("!!intftp://x[]").
            throw new ArticleFormatException(
                "The front matter is not valid YAML (an unclosed bracket or quote, or a malformed !tag?). Fix the YAML between the '---' lines.", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ParsedArticle(null, null, null, null, string.Empty);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new ArticleFormatException("The front matter must be a set of 'key: value' lines (a YAML mapping).");
        }

        var title = Scalar(mapping, "title");
        var author = Scalar(mapping, "author");
        var url = Scalar(mapping, "url");
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new ArticleFormatException($"The front matter 'url' value '{url}' is not an absolute http(s) URL; write it as https://…");
        }

        var publishedKey = Scalar(mapping, "published") is not null ? "published" : "date";
        var publishedText = Scalar(mapping, publishedKey);
        DateTimeOffset? published = null;
        if (publishedText is not null)
        {
            published = SyndicationText.TryParseDate(publishedText, out var value) ? value
                : throw new ArticleFormatException(
                    $"The front matter '{publishedKey}' value '{publishedText}' is not a date; write it like 2025-02-22 or 2025-02-22T14:42:26Z.");
        }

        return new ParsedArticle(title, url, published, author, string.Empty);
    }

    // YamlStream builds its node tree recursively, so a few thousand nested '[' overflow the stack and kill the
    // process, which no catch can stop. YamlDotNet's event parser keeps its own stack, so measure the depth with it first.
    private static void RefuseDeepNesting(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is MappingStart or SequenceStart && ++depth > MaxFrontMatterDepth)
            {
                throw new ArticleFormatException(
                    $"The front matter nests lists or mappings more than {MaxFrontMatterDepth} deep; write it as plain 'key: value' lines.");
            }

            if (parser.Current is MappingEnd or SequenceEnd)
            {
                depth--;
            }
        }
    }

    private static string? Scalar(YamlMappingNode mapping, string key)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        return node switch
        {
            YamlScalarNode { Value: var value } => string.IsNullOrWhiteSpace(value) ? null : value.Trim(),
            _ => throw new ArticleFormatException($"The front matter '{key}' must be a single value, not a list or a mapping."),
        };
    }
}
