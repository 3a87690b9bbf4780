using System.Security.Cryptography;
using System.Text;

namespace TalksBot.WebArticles.Importing;

/// <summary>Hashes article text so the same article is recognised whatever its line breaks or spacing.</summary>
internal static class ContentFingerprint
{
    public static string Of(string text) =>
        Sha256Hex(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    public static string Sha256Hex(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
