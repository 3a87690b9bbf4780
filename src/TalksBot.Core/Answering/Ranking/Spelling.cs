namespace TalksBot.Core.Answering.Ranking;

/// <summary>Edit distance for telling a slip of a letter from a different word.</summary>
internal static class Spelling
{
    /// <summary>
    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbouring letters
    /// ("Witkof"/"Witkoff", "wher"/"where", "hwo"/"who") each cost one. Stops early once past <paramref name="limit"/>.
    /// </summary>
    public static int Distance(string a, string b, int limit = 2)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                d[i, j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
                return limit + 1;
        }

        return d[a.Length, b.Length];
    }

    /// <summary>True when <paramref name="asked"/> is <paramref name="known"/> or a slip of one letter from it (words of five letters or more).</summary>
    public static bool Matches(string asked, string known) =>
        asked == known || (asked.Length >= 5 && known.Length >= 5 && asked[0] == known[0] && Distance(asked, known, 1) <= 1);
}
