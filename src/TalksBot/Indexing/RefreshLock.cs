namespace TalksBot.Indexing;

/// <summary>
/// The cross-process refresh lock: the lock file opened with <see cref="FileShare.None"/>, which .NET maps to an exclusive
/// advisory flock on Linux. The kernel drops it when the process dies, so a crash never leaves a stale lock behind.
/// </summary>
internal sealed class RefreshLock : IDisposable
{
    private readonly FileStream _stream;

    private RefreshLock(FileStream stream) => _stream = stream;

    /// <summary>The lock, or null when another holder has it.</summary>
    public static RefreshLock? TryAcquire(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new RefreshLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    public void Dispose() => _stream.Dispose();
}
