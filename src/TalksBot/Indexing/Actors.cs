using System.Globalization;

namespace TalksBot.Indexing;

/// <summary>Who did something, as the audit log records it.</summary>
internal static class Actors
{
    public const string Watcher = "watcher";

    public static string Local => "local:" + Environment.UserName;

    public static string Discord(ulong userId) => "discord:" + userId.ToString(CultureInfo.InvariantCulture);
}
