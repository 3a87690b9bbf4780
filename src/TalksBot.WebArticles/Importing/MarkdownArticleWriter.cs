using System.Globalization;
using System.Text;
using TalksBot.Core.Articles;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TalksBot.WebArticles.Importing;

/// <summary>Writes an article as Markdown with YAML front matter, atomically, so a folder watcher never reads half a file.</summary>
internal static class MarkdownArticleWriter
{
    public static string Render(ParsedArticle article, DateTimeOffset fetchedAt)
    {
        var yaml = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(yaml);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Field(emitter, "title", article.Title, ScalarStyle.DoubleQuoted);
        Field(emitter, "url", article.Url, ScalarStyle.DoubleQuoted);
        Field(emitter, "published", article.Published?.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture), ScalarStyle.Plain);
        Field(emitter, "author", article.Author, ScalarStyle.DoubleQuoted);
        Field(emitter, "fetched_at", fetchedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture), ScalarStyle.Plain);
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());

        var markdown = new StringBuilder();
        markdown.Append("---\n");
        markdown.Append(yaml.ToString().ReplaceLineEndings("\n").Trim('\n'));
        markdown.Append("\n---\n\n");
        markdown.Append(article.Body.ReplaceLineEndings("\n").Trim());
        markdown.Append('\n');
        return markdown.ToString();
    }

    public static async Task WriteAtomicallyAsync(string path, string content, CancellationToken ct)
    {
        var directory = Path.GetDirectoryName(path)!;
        // Same folder so the move is a rename; the .tmp extension is one the loader does not read.
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content), ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: false);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void Field(Emitter emitter, string key, string? value, ScalarStyle style)
    {
        if (string.IsNullOrWhiteSpace(value))
            return;
        emitter.Emit(new Scalar(key));
        emitter.Emit(new Scalar(null, null, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }
}
