using System.Diagnostics;

namespace TalksBot.Bench;

/// <summary>This process's resident memory, as the kernel counts it against a container's limit.</summary>
internal static class ProcessMemory
{
    public static double RssMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64 / 1048576.0;
    }
}
