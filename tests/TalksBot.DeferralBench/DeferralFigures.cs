using System.Text.Json.Serialization;

namespace TalksBot.DeferralBench;

/// <summary>Dispatch sent to deferral received, in milliseconds; <see cref="AnsweredOnce"/> of the interactions got exactly one answer.</summary>
internal sealed record DeferralFigures(int Interactions, double P50Ms, double P95Ms, double P99Ms, double MaxMs, int AnsweredOnce)
{
    /// <summary>Discord's users see a deferral as the bot's reaction time; the target for a burst of 100.</summary>
    public const double TargetP99Ms = 50;

    [JsonIgnore]
    public bool Met => P99Ms <= TargetP99Ms;

    public static DeferralFigures From(IReadOnlyList<double> milliseconds, int answeredOnce)
    {
        var sorted = milliseconds.Order().ToArray();
        return new DeferralFigures(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), Math.Round(sorted[^1], 1), answeredOnce);
    }

    // Nearest rank: p99 of 100 is the 99th value, one that was actually measured.
    private static double Percentile(double[] sorted, double p) =>
        Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
}
