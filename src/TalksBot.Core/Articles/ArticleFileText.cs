using System.Text;

namespace TalksBot.Core.Articles;

/// <summary>Turns an article file's bytes into text, refusing what is not UTF-8 text, so every way in applies the same rules.</summary>
public static class ArticleFileText
{
    // More than this share of control characters means the file is not text, whatever its extension says.
    private const double MaxControlCharShare = 0.01;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The text of an article file's bytes: UTF-8 (a byte-order mark is dropped), not empty and not binary.
    /// </summary>
    /// <exception cref="ArticleFormatException">The bytes are not usable article text; the message says what to fix.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new ArticleFormatException("It is saved as UTF-16; re-save it with UTF-8 encoding.");
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new ArticleFormatException("It contains NUL bytes, so it is a binary file, not text; save the article as UTF-8 text.");
        }

        var content = bytes;
        if (content.StartsWith("\uFEFF"u8))
        {
            content = content[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException e)
        {
            throw new ArticleFormatException(
                $"It is not valid UTF-8 (bad byte near offset {e.Index}); re-save it with UTF-8 encoding.", e);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleFormatException("It is empty or contains only white space; add the article text or remove the file.");
        }

        var control = text.Count(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'));
        if (control > text.Length * MaxControlCharShare)
        {
            throw new ArticleFormatException(
                $"{control} of its {text.Length} characters are control characters, so it looks binary; save the article as plain UTF-8 text.");
        }

        return text;
    }
}
