using Microsoft.Extensions.Options;

namespace TalksBot.Indexing;

/// <summary>
/// The cross-process refresh lock of one machine (Analytics:Provider sqlite): the lock file opened with
/// <see cref="FileShare.None"/>, which .NET maps to an exclusive advisory flock on Linux. The kernel drops it when the
/// process dies, so a crash never leaves a stale lock behind.
/// </summary>
internal sealed class RefreshLock(IOptions<RefreshOptions> options) : IRefreshLock
{
    private readonly string _path = options.Value.FullLockPath;

    public ValueTask<IAsyncDisposable?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        try
        {
            return ValueTask.FromResult<IAsyncDisposable?>(new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(_path))
        {
            return ValueTask.FromResult<IAsyncDisposable?>(null);
        }
    }
}
