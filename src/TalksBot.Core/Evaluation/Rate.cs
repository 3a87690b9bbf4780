namespace TalksBot.Core.Evaluation;

/// <summary>A proportion kept as counts, so reports can show "25/30" and an empty denominator stays "n/a", not 0%.</summary>
public sealed record Rate(int Hits, int Total)
{
    /// <summary>Hits / Total, or null when there was nothing to count.</summary>
    public double? Value => Total == 0 ? null : (double)Hits / Total;

    /// <summary>Counts <paramref name="items"/> and those matching <paramref name="hit"/>.</summary>
    public static Rate Of<T>(IEnumerable<T> items, Func<T, bool> hit)
    {
        var total = 0;
        var hits = 0;
        foreach (var item in items)
        {
            total++;
            hits += hit(item) ? 1 : 0;
        }

        return new Rate(hits, total);
    }
}
