namespace TalksBot.DeferralBench;

/// <summary>The machine the figures came from: on a shared machine the load average explains much of the spread.</summary>
internal sealed record MachineFigures(int Cores, double? LoadAverage)
{
    public static MachineFigures Now()
    {
        // The one-minute load average, first field of /proc/loadavg; absent off Linux.
        double? load = File.Exists("/proc/loadavg")
            && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value : null;
        return new MachineFigures(Environment.ProcessorCount, load);
    }
}
