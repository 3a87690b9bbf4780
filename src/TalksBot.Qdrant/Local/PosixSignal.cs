using System.Runtime.InteropServices;

namespace TalksBot.Qdrant.Local;

// .NET can only SIGKILL another process (Process.Kill); Qdrant deserves a SIGTERM first to flush its WAL and exit cleanly.
internal static partial class PosixSignal
{
    private const int SigTerm = 15;

    public static bool TryTerminate(int pid) => OperatingSystem.IsWindows() ? false : Kill(pid, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
