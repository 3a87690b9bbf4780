using System.Security.Cryptography;
using System.Text;

namespace TalksBot.Core.Passages;

/// <summary>
/// Name-based passage ids (RFC 4122 version 5, SHA-1): the same article id, ordinal and text always give the
/// same id, so re-ingesting an unchanged article rewrites the same Qdrant points instead of adding new ones.
/// </summary>
public static class PassageId
{
    /// <summary>TalksBot's namespace for passage ids; changing it would orphan every stored point.</summary>
    public static readonly Guid Namespace = new("13416673-b2ef-4156-8991-79b0fc47de78");

    /// <summary>The id of the passage at <paramref name="ordinal"/> of <paramref name="articleId"/> with <paramref name="text"/>.</summary>
    public static Guid Create(string articleId, int ordinal, string text)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ArgumentNullException.ThrowIfNull(text);
        return NameBased(Namespace, $"{articleId}\n{ordinal}\n{text}");
    }

    /// <summary>An RFC 4122 version-5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="namespaceId"/>.</summary>
    public static Guid NameBased(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // RFC 4122 version 5 is defined over SHA-1; it names ids, it protects nothing.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
