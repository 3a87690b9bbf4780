using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace TalksBot.Testing.Qdrant;

/// <summary>
/// A 3-node Qdrant cluster of the project's own binary on loopback, in distributed mode: free HTTP, gRPC and p2p ports per
/// node, temporary storage per node, node 0 started with <c>--uri</c> and the others with <c>--bootstrap</c> to it. A test
/// can SIGKILL one node (<see cref="Kill"/>) and start it again on the same storage (<see cref="RestartAsync"/>). Use it as
/// an xunit class fixture; the app talks to node 0 (<see cref="BaseAddress"/>), so tests kill the other nodes.
/// </summary>
public sealed class QdrantClusterFixture : IAsyncLifetime
{
    public const int NodeCount = 3;

    // Generous: the nodes share two cores with the test run and other builds.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private const int OutputTailLines = 40;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Node[] _nodes = new Node[NodeCount];
    private string? _root;

    /// <summary>Node 0's REST address, where the app under test points <c>Qdrant:Url</c>.</summary>
    public Uri BaseAddress => _nodes[0].RestAddress;

    /// <summary>Node 0's gRPC address (<c>Qdrant:GrpcUrl</c>).</summary>
    public Uri GrpcAddress => _nodes[0].GrpcAddress;

    public async ValueTask InitializeAsync()
    {
        QdrantInstallation.EnsureInstalled("cluster tests");
        _root = Directory.CreateTempSubdirectory("talksbot-qdrant-cluster-").FullName;
        var ports = LoopbackPorts.Free(3 * NodeCount);
        for (var i = 0; i < NodeCount; i++)
        {
            _nodes[i] = new Node(i, ports[3 * i], ports[(3 * i) + 1], ports[(3 * i) + 2], Path.Combine(_root, $"node{i}"));
            Directory.CreateDirectory(_nodes[i].Storage);
        }

        var ct = TestContext.Current.CancellationToken;
        // The first node founds the cluster; the others can only join once it answers.
        await StartAsync(_nodes[0], ct);
        await Task.WhenAll(_nodes.Skip(1).Select(node => StartAsync(node, ct)));
        await WaitForAsync(async token => (await GetResultAsync(0, "cluster", token)).GetProperty("peers").EnumerateObject().Count() == NodeCount,
            "all three peers to join the cluster", ct);
    }

    /// <summary>A node's REST address.</summary>
    public Uri RestAddress(int node) => _nodes[node].RestAddress;

    /// <summary>SIGKILLs a node: no shutdown runs, as when its machine dies. Its storage is kept for <see cref="RestartAsync"/>.</summary>
    public void Kill(int node)
    {
        var process = _nodes[node].Process ?? throw new InvalidOperationException($"Node {node} is not running.");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
        _nodes[node].Process = null;
    }

    /// <summary>Starts a killed node again on its ports and storage; it rejoins the cluster from its stored state.</summary>
    public Task RestartAsync(int node, CancellationToken cancellationToken) =>
        _nodes[node].Process is null ? StartAsync(_nodes[node], cancellationToken) : Task.CompletedTask;

    /// <summary>The <c>result</c> of a REST GET on a node, e.g. <c>collections/talks_v1/cluster</c>.</summary>
    public async Task<JsonElement> GetResultAsync(int node, string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(_nodes[node].RestAddress, path), cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.IsSuccessStatusCode
            ? body.GetProperty("result").Clone()
            : throw new HttpRequestException($"GET {path} on node {node} answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with what was awaited after a generous timeout.</summary>
    public async Task WaitForAsync(Func<CancellationToken, Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition(timeout.Token))
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
                                          || (e is TaskCanceledException && !timeout.IsCancellationRequested))
            {
                // A node still starting refuses connections or answers before its collections are loaded.
                last = e;
            }

            try
            {
                await Task.Delay(PollInterval, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {StartTimeout.TotalSeconds} s for {what}. Last error: {last?.Message ?? "none"}. {Tails()}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.Where(n => n?.Process is not null))
        {
            node.Process!.Kill(entireProcessTree: true);
            await node.Process.WaitForExitAsync();
            node.Process.Dispose();
        }

        _http.Dispose();
        if (_root is not null && Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private async Task StartAsync(Node node, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(QdrantInstallation.BinaryPath)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // Qdrant looks for ./config and may write next to itself: keep that inside the node's folder.
            WorkingDirectory = node.Storage,
        };
        // Node 0 announces its own p2p address; the others join through it. On a restart the stored cluster state wins
        // and --bootstrap is ignored, as for a node of a real deployment that comes back.
        info.ArgumentList.Add(node.Index == 0 ? "--uri" : "--bootstrap");
        info.ArgumentList.Add(_nodes[0].P2pAddress);
        info.Environment["QDRANT__CLUSTER__ENABLED"] = "true";
        info.Environment["QDRANT__CLUSTER__P2P__PORT"] = Port(node.P2pPort);
        info.Environment["QDRANT__SERVICE__HOST"] = "127.0.0.1";
        info.Environment["QDRANT__SERVICE__HTTP_PORT"] = Port(node.HttpPort);
        info.Environment["QDRANT__SERVICE__GRPC_PORT"] = Port(node.GrpcPort);
        info.Environment["QDRANT__STORAGE__STORAGE_PATH"] = Path.Combine(node.Storage, "storage");
        info.Environment["QDRANT__STORAGE__SNAPSHOTS_PATH"] = Path.Combine(node.Storage, "snapshots");
        info.Environment["QDRANT__TELEMETRY_DISABLED"] = "true";
        info.Environment["QDRANT__LOG_LEVEL"] = "WARN";

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => node.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => node.Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        node.Process = process;

        // /readyz says the node has joined consensus and loaded its collections; every index call goes over gRPC, so
        // wait for that listener too.
        await WaitForAsync(async token =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"Qdrant node {node.Index} exited with code {process.ExitCode}. {Tails()}");
            using var ready = await _http.GetAsync(new Uri(node.RestAddress, "readyz"), token);
            return ready.IsSuccessStatusCode && await AcceptsConnectionsAsync(node.GrpcPort, token);
        }, $"Qdrant node {node.Index} to be ready", cancellationToken);
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private string Tails() => string.Join(" ", _nodes.Where(n => n is not null).Select(n => $"[node {n.Index}: {string.Join(" | ", n.Tail)}]"));

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private sealed class Node(int index, int httpPort, int grpcPort, int p2pPort, string storage)
    {
        private readonly ConcurrentQueue<string> _tail = new();

        public int Index => index;

        public int HttpPort => httpPort;

        public int GrpcPort => grpcPort;

        public int P2pPort => p2pPort;

        public string Storage => storage;

        public Process? Process { get; set; }

        public Uri RestAddress { get; } = new($"http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}/");

        public Uri GrpcAddress { get; } = new($"http://127.0.0.1:{grpcPort.ToString(CultureInfo.InvariantCulture)}/");

        public string P2pAddress { get; } = $"http://127.0.0.1:{p2pPort.ToString(CultureInfo.InvariantCulture)}";

        public IEnumerable<string> Tail => _tail;

        public void Remember(string? line)
        {
            if (line is null)
                return;
            _tail.Enqueue(line);
            while (_tail.Count > OutputTailLines)
                _tail.TryDequeue(out _);
        }
    }
}
