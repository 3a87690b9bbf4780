using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TalksBot.Qdrant.Local;

/// <summary>
/// Runs the Qdrant binary the project installs, bound to loopback, when no <c>Qdrant:Url</c> is configured.
/// A server already running for the same storage folder (found through a state file there) is reused and left running;
/// a server this instance started is stopped on host stop or dispose.
/// </summary>
public sealed partial class ManagedQdrantServer : IHostedService, IAsyncDisposable
{
    public const string StateFileName = "talksbot-qdrant.json";
    private const string StartLockFileName = "talksbot-qdrant.lock";
    private const int OutputTailLines = 30;

    // Qdrant is ready in ~100 ms; polling every 10 ms keeps `ask` well inside its 2 s budget.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    private readonly QdrantLocalOptions _local;
    private readonly string? _apiKey;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<string> _outputTail = new();
    private readonly HttpClient _probe;
    private readonly Action<ProcessStartInfo>? _configureLaunch;
    private volatile Uri? _baseAddress;
    private volatile Uri? _grpcAddress;
    private Process? _process;
    private bool _stopped;

    /// <param name="configureLaunch">
    /// Adds to each launch's arguments and environment, e.g. a test cluster's <c>--bootstrap</c> and p2p port; the app's
    /// single node needs nothing more.
    /// </param>
    public ManagedQdrantServer(IOptions<QdrantOptions> options, ILogger<ManagedQdrantServer>? logger = null, TimeProvider? time = null,
        Action<ProcessStartInfo>? configureLaunch = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _configureLaunch = configureLaunch;
        _local = options.Value.Local;
        _apiKey = options.Value.ApiKey;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _probe = new HttpClient { Timeout = ProbeTimeout };
        // An idle keep-alive connection would hold up Qdrant's graceful shutdown by seconds.
        _probe.DefaultRequestHeaders.ConnectionClose = true;
    }

    /// <summary>Where the server answers; available once <see cref="EnsureStartedAsync"/> has completed.</summary>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The managed Qdrant has not been started yet.");

    /// <summary>Where the server answers gRPC; available once <see cref="EnsureStartedAsync"/> has completed.</summary>
    public Uri GrpcAddress => _grpcAddress ?? throw new InvalidOperationException("The managed Qdrant has not been started yet.");

    /// <summary>True when this instance started the process (and will stop it); false when it reuses another's.</summary>
    public bool OwnsProcess => Volatile.Read(ref _process) is not null;

    /// <summary>The id of the Qdrant process serving this storage folder.</summary>
    public int? ProcessId { get; private set; }

    /// <summary>Starts Qdrant, or finds the one already serving this storage folder; safe to call concurrently and repeatedly.</summary>
    public async Task<Uri> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (_baseAddress is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            return _baseAddress ??= await StartCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureStartedAsync(cancellationToken);

    /// <summary>
    /// Called when Qdrant could not be reached: if the server has died (killed, crashed, out of memory), starts it again
    /// on the same storage, so a long-running bot heals on its next attempt instead of failing every question until
    /// someone restarts it. A server that is alive but slow is left alone.
    /// </summary>
    public async Task RestartIfDeadAsync(CancellationToken cancellationToken)
    {
        if (ProcessId is not { } pid || IsRunning(pid))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            // Another caller may have restarted it while this one waited.
            if (ProcessId is not { } current || IsRunning(current))
            {
                return;
            }

            var exitCode = Interlocked.Exchange(ref _process, null) is { } owned ? ExitCodeOf(owned) : (int?)null;
            LogDied(current, exitCode, string.Join(" | ", _outputTail));
            _baseAddress = null;
            _baseAddress = await StartCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static int ExitCodeOf(Process process)
    {
        using (process)
        {
            return process.ExitCode;
        }
    }

    private bool IsRunning(int pid)
    {
        if (Volatile.Read(ref _process) is { } owned && owned.Id == pid)
        {
            return !owned.HasExited;
        }

        // A server another command started and we reuse: not our child, so look it up.
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => StopCoreAsync();

    public async ValueTask DisposeAsync()
    {
        await StopCoreAsync();
        _probe.Dispose();
    }

    private async Task<Uri> StartCoreAsync(CancellationToken cancellationToken)
    {
        var storage = _local.FullStoragePath;
        Directory.CreateDirectory(storage);
        // Two commands starting at once would both find no server; the second waits here and then reuses the first's.
        using var startLock = await AcquireStartLockAsync(storage, cancellationToken);
        var statePath = Path.Combine(storage, StateFileName);
        if (await TryReuseAsync(statePath, cancellationToken) is { } reused)
        {
            return reused;
        }

        var binary = _local.FullBinaryPath;
        if (!File.Exists(binary))
        {
            throw new QdrantServerException(
                $"The Qdrant binary was not found at {binary}. Run scripts/install-qdrant.sh, or set Qdrant:Local:BinaryPath " +
                "to an installed Qdrant 1.16 (or Qdrant:Url to use a Qdrant server that is already running).");
        }

        EnsurePortFree(_local.HttpPort, "Qdrant:Local:HttpPort");
        EnsurePortFree(_local.GrpcPort, "Qdrant:Local:GrpcPort");

        var started = _time.GetTimestamp();
        var process = Launch(binary, storage);
        var baseAddress = LoopbackAddress(_local.HttpPort);
        try
        {
            await WaitUntilReadyAsync(process, baseAddress, cancellationToken);
        }
        catch
        {
            await KillAsync(process);
            throw;
        }

        Volatile.Write(ref _process, process);
        ProcessId = process.Id;
        _grpcAddress = LoopbackAddress(_local.GrpcPort);
        await WriteStateAsync(statePath, new ManagedServerState(process.Id, _local.HttpPort, _local.GrpcPort), cancellationToken);
        LogStarted(process.Id, baseAddress, _time.GetElapsedTime(started).TotalMilliseconds, storage);
        return baseAddress;
    }

    private Process Launch(string binary, string storage)
    {
        var info = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Qdrant looks for ./config and may write files next to itself: keep that inside the storage folder, not the repo.
            WorkingDirectory = storage,
        };
        info.Environment["QDRANT__SERVICE__HOST"] = "127.0.0.1";
        info.Environment["QDRANT__SERVICE__HTTP_PORT"] = _local.HttpPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["QDRANT__SERVICE__GRPC_PORT"] = _local.GrpcPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["QDRANT__STORAGE__STORAGE_PATH"] = Path.Combine(storage, "storage");
        info.Environment["QDRANT__STORAGE__SNAPSHOTS_PATH"] = Path.Combine(storage, "snapshots");
        info.Environment["QDRANT__TELEMETRY_DISABLED"] = "true";
        info.Environment["QDRANT__LOG_LEVEL"] = "WARN";
        if (!string.IsNullOrEmpty(_apiKey))
        {
            info.Environment["QDRANT__SERVICE__API_KEY"] = _apiKey;
        }

        _configureLaunch?.Invoke(info);

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => RememberOutput(e.Data);
        process.ErrorDataReceived += (_, e) => RememberOutput(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new QdrantServerException(
                $"Could not run the Qdrant binary at {binary} ({e.Message}). Run scripts/install-qdrant.sh, or check Qdrant:Local:BinaryPath.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilReadyAsync(Process process, Uri baseAddress, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_local.StartTimeout);
        try
        {
            // /readyz can answer before the gRPC listener is up, and every index call goes over gRPC: wait for both.
            while (!await IsReadyAsync(baseAddress, timeout.Token) || !await AcceptsConnectionsAsync(_local.GrpcPort, timeout.Token))
            {
                if (process.HasExited)
                {
                    // WaitForExitAsync also drains the redirected output, so the tail below is complete.
                    await process.WaitForExitAsync(CancellationToken.None);
                    throw new QdrantServerException(
                        $"Qdrant exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)} while starting " +
                        $"(storage {_local.FullStoragePath}). Its last output:{Environment.NewLine}{OutputTail()}");
                }

                await Task.Delay(PollInterval, _time, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QdrantServerException(
                $"Qdrant did not become ready within {_local.StartTimeout} (Qdrant:Local:StartTimeout). Its last output:{Environment.NewLine}{OutputTail()}");
        }
    }

    private async Task<FileStream> AcquireStartLockAsync(string storage, CancellationToken cancellationToken)
    {
        var path = Path.Combine(storage, StartLockFileName);
        var deadline = _time.GetTimestamp() + (long)(_local.StartTimeout.TotalSeconds * _time.TimestampFrequency);
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Unix, released when the stream closes or the process dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (_time.GetTimestamp() < deadline)
            {
                await Task.Delay(PollInterval, _time, cancellationToken);
            }
            catch (IOException e)
            {
                throw new QdrantServerException(
                    $"Another process kept {path} locked for longer than Qdrant:Local:StartTimeout ({_local.StartTimeout}) while starting Qdrant.", e);
            }
        }
    }

    private async Task<Uri?> TryReuseAsync(string statePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(statePath))
        {
            return null;
        }

        ManagedServerState? state;
        try
        {
            state = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(statePath, cancellationToken),
                ManagedServerStateJsonContext.Default.ManagedServerState);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null; // Gone meanwhile, or torn: start our own.
        }

        if (state is null || !IsQdrantRunning(state.Pid))
        {
            return null;
        }

        var baseAddress = LoopbackAddress(state.HttpPort);
        if (!await IsReadyAsync(baseAddress, cancellationToken))
        {
            return null;
        }

        ProcessId = state.Pid;
        _grpcAddress = LoopbackAddress(state.GrpcPort);
        LogReusing(state.Pid, baseAddress, _local.FullStoragePath);
        return baseAddress;
    }

    private static Uri LoopbackAddress(int port) => new($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

    private static bool IsQdrantRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // The name check guards against the pid having been reused by an unrelated process.
            return !process.HasExited && process.ProcessName.Contains("qdrant", StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private async Task<bool> IsReadyAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _probe.GetAsync(new Uri(baseAddress, "readyz"), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Another program on the port would answer /readyz in place of ours, so refuse to start rather than talk to it.
    private static void EnsurePortFree(int port, string key)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
        catch (SocketException e)
        {
            throw new QdrantServerException(
                $"Port {port.ToString(CultureInfo.InvariantCulture)} on 127.0.0.1 is already in use ({e.SocketErrorCode}); choose another with {key}.", e);
        }
    }

    private static async Task WriteStateAsync(string statePath, ManagedServerState state, CancellationToken cancellationToken)
    {
        // Write then rename, so a concurrent reader never sees half a file.
        var temporary = statePath + ".tmp";
        await File.WriteAllBytesAsync(temporary,
            JsonSerializer.SerializeToUtf8Bytes(state, ManagedServerStateJsonContext.Default.ManagedServerState), cancellationToken);
        File.Move(temporary, statePath, overwrite: true);
    }

    private async Task StopCoreAsync()
    {
        await _gate.WaitAsync();
        Process? process;
        try
        {
            _stopped = true;
            process = Interlocked.Exchange(ref _process, null);
        }
        finally
        {
            _gate.Release();
        }

        if (process is null)
        {
            return; // Never started, already stopped, or reusing a server someone else owns.
        }

        var pid = process.Id;
        try
        {
            if (!process.HasExited && PosixSignal.TryTerminate(pid))
            {
                using var timeout = new CancellationTokenSource(_local.StopTimeout);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    LogKilling(pid, _local.StopTimeout);
                }
            }

            await KillAsync(process);
            DeleteStateFileIfOurs(pid);
            LogStopped(pid);
        }
        finally
        {
            process.Dispose();
        }
    }

    private static async Task KillAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None);
    }

    private void DeleteStateFileIfOurs(int pid)
    {
        var statePath = Path.Combine(_local.FullStoragePath, StateFileName);
        try
        {
            var state = JsonSerializer.Deserialize(File.ReadAllBytes(statePath), ManagedServerStateJsonContext.Default.ManagedServerState);
            if (state?.Pid == pid)
            {
                File.Delete(statePath);
            }
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // A stale state file is harmless: the next start sees the pid is gone and starts afresh.
        }
    }

    private void RememberOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _outputTail.Enqueue(line);
        while (_outputTail.Count > OutputTailLines && _outputTail.TryDequeue(out _))
        {
        }
    }

    /// <summary>The last lines the Qdrant this instance started wrote, for a failure message.</summary>
    public string OutputTail() => _outputTail.IsEmpty ? "(no output)" : string.Join(Environment.NewLine, _outputTail);

    [LoggerMessage(3001, LogLevel.Information, "Started Qdrant (pid {Pid}) at {BaseAddress} in {ElapsedMs:F0} ms, storage {StoragePath}")]
    private partial void LogStarted(int pid, Uri baseAddress, double elapsedMs, string storagePath);

    [LoggerMessage(3002, LogLevel.Information, "Reusing Qdrant (pid {Pid}) at {BaseAddress}, already serving storage {StoragePath}")]
    private partial void LogReusing(int pid, Uri baseAddress, string storagePath);

    [LoggerMessage(3005, LogLevel.Warning, "Qdrant (pid {Pid}) is gone (exit code {ExitCode}); starting it again. Its last output: {Output}")]
    private partial void LogDied(int pid, int? exitCode, string output);

    [LoggerMessage(3003, LogLevel.Information, "Stopped Qdrant (pid {Pid})")]
    private partial void LogStopped(int pid);

    [LoggerMessage(3004, LogLevel.Warning, "Qdrant (pid {Pid}) did not exit within {Timeout} of SIGTERM; killing it")]
    private partial void LogKilling(int pid, TimeSpan timeout);
}
