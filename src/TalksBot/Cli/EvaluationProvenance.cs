using System.Security.Cryptography;
using System.Text;

namespace TalksBot.Cli;

/// <summary>What an evaluation report must say to be reproduced: which code answered, and which articles it read.</summary>
internal static class EvaluationProvenance
{
    /// <summary>The checkout's commit, read from <c>.git</c> without running git; null outside a checkout.</summary>
    public static string? Commit(string directory)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (!Directory.Exists(git))
                continue;
            var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
                return Short(head);
            var reference = head[5..];
            var loose = Path.Combine(git, reference);
            if (File.Exists(loose))
                return Short(File.ReadAllText(loose).Trim());
            // A fresh clone keeps its refs packed: "<sha> <ref>" lines.
            var packed = Path.Combine(git, "packed-refs");
            return File.Exists(packed)
                ? File.ReadLines(packed).Select(l => l.Split(' ')).FirstOrDefault(p => p.Length == 2 && p[1] == reference) is { } line ? Short(line[0]) : null
                : null;
        }

        return null;
    }

    /// <summary>A short hash over the folder's file names and bytes, in name order: equal when the article set is.</summary>
    public static string ArticlesFingerprint(string folder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    private static string Short(string sha) => sha.Length >= 12 ? sha[..12] : sha;
}
