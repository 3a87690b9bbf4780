using System.Globalization;

namespace TalksBot.Bench;

/// <summary>
/// The machine the figures came from: on a shared machine the load average explains much of the spread. Compiled into
/// the deferral bench too (tests/TalksBot.DeferralBench), so both benches report the machine the same way.
/// </summary>
/// <param name="LoadAverage">The 1-minute load average at the end of the run (Linux); null where the system does not say.</param>
internal sealed record MachineFigures(int Cores, double? LoadAverage)
{
    // The 1-minute figure of /proc/loadavg: with 2 cores, anything above 2 means the figures were taken while waiting.
    public static MachineFigures Now() => new(
        Environment.ProcessorCount,
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out var load)
            ? load
            : null);
}
