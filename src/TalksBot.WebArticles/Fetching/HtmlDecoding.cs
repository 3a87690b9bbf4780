using System.Text;
using System.Text.RegularExpressions;

namespace TalksBot.WebArticles.Fetching;

/// <summary>Decodes page bytes the way browsers choose: byte order mark, then the HTTP charset, then a meta tag, then UTF-8.</summary>
internal static partial class HtmlDecoding
{
    // The HTML spec has a meta charset declared within the first 1024 bytes.
    private const int MetaScanBytes = 1024;

    public static string Decode(ReadOnlySpan<byte> bytes, string? headerCharset)
    {
        var encoding = FromBom(bytes) ?? Lookup(headerCharset) ?? FromMeta(bytes) ?? Encoding.UTF8;
        var preamble = encoding.Preamble;
        if (bytes.StartsWith(preamble))
            bytes = bytes[preamble.Length..];
        return encoding.GetString(bytes);
    }

    private static Encoding? FromBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8))
            return Encoding.UTF8;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Encoding.Unicode;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Encoding.BigEndianUnicode;
        return null;
    }

    private static Encoding? FromMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, MetaScanBytes)]);
        var match = MetaCharset().Match(head);
        return match.Success ? Lookup(match.Groups["charset"].Value) : null;
    }

    private static Encoding? Lookup(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
            return null;
        var name = charset.Trim().Trim('"', '\'');
        try
        {
            // Code pages (windows-1251, koi8-r...) come from the provider without registering it process-wide.
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<charset>[A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
