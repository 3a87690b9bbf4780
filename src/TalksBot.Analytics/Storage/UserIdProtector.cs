using System.Security.Cryptography;
using System.Text;

namespace TalksBot.Analytics.Storage;

/// <summary>
/// Turns a Discord or local user id into what is stored. The HMAC key is a random salt kept in the database
/// itself, so a hash is stable across restarts (a second vote finds the first) yet cannot be reversed by
/// hashing candidate ids without the file, nor linked to the same user in another installation.
/// </summary>
internal sealed class UserIdProtector(byte[] salt, bool hashUserIds)
{
    public const int SaltBytes = 32;

    public string? Protect(string? userId)
    {
        if (userId is null)
        {
            return null;
        }

        return hashUserIds ? Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(userId))) : userId;
    }
}
