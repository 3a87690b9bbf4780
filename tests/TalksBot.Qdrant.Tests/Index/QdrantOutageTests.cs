using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Embeddings;
using TalksBot.Core.Retrieval;
using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Local;
using TalksBot.Qdrant.Store;
using TalksBot.Testing.Qdrant;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace TalksBot.Qdrant.Tests.Index;

// These tests kill and hang Qdrant, so they use servers of their own, never the shared fixture's.
public sealed class QdrantOutageTests : IDisposable
{
    // The promise to a member asking while Qdrant is down, and once it is back.
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    private readonly DirectoryInfo _storage = Directory.CreateTempSubdirectory("talksbot-outage-");
    private readonly HashingEmbeddingGenerator _embedder = new(dimensions: 128);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKilledQdrantIsReportedUnavailableWithinSecondsAndSearchRecoversWhenItIsBack()
    {
        var ports = LoopbackPorts.Free(2);
        var options = new QdrantOptions
        {
            Url = new Uri($"http://127.0.0.1:{ports[0]}/"),
            GrpcUrl = new Uri($"http://127.0.0.1:{ports[1]}/"),
            Alias = "outage",
            CollectionPrefix = "outage",
            Local = { BinaryPath = QdrantInstallation.BinaryPath, HttpPort = ports[0], GrpcPort = ports[1], StoragePath = _storage.FullName, StartTimeout = TimeSpan.FromSeconds(60) },
        };
        using var connection = new QdrantConnection(options.GrpcAddress, apiKey: null, TimeSpan.FromSeconds(30));
        var client = new QdrantIndexClient(connection);
        var search = new QdrantPassageSearch(client, _embedder, MsOptions.Create(options), NullLogger<QdrantPassageSearch>.Instance);

        await using (var first = new ManagedQdrantServer(MsOptions.Create(options)))
        {
            await first.EnsureStartedAsync(Ct);
            var writer = new PassageIndexWriter(client, MsOptions.Create(options), TimeProvider.System, NullLogger<PassageIndexWriter>.Instance, new QdrantPointCopier(client));
            await writer.BuildAsync(TestArticles.All, _embedder, IndexHarness.Fingerprint, progress: null, Ct);
            Assert.NotEmpty(await search.SearchAsync(new PassageQuery("Who led the American delegation?"), 3, Ct));

            // SIGKILL: no clean shutdown, as when the machine or the container dies.
            using (var process = Process.GetProcessById(first.ProcessId!.Value))
            {
                process.Kill();
                await process.WaitForExitAsync(Ct);
            }

            // Questions keep coming through an outage long enough for gRPC's reconnect backoff to grow.
            var outage = Stopwatch.StartNew();
            while (outage.Elapsed < TimeSpan.FromSeconds(8))
            {
                var asked = Stopwatch.StartNew();
                await Assert.ThrowsAsync<IndexUnavailableException>(() => search.SearchAsync(new PassageQuery("Who led the American delegation?"), 3, Ct));
                Assert.True(asked.Elapsed < Promise, $"told unavailable after {asked.Elapsed.TotalSeconds:F1} s");
                await Task.Delay(500, Ct);
            }
        }

        // The same storage, started again: the index is still there, and the process's one channel reconnects.
        await using var second = new ManagedQdrantServer(MsOptions.Create(options));
        await second.EnsureStartedAsync(Ct);
        var back = Stopwatch.StartNew();
        IReadOnlyList<RetrievedPassage>? results = null;
        while (results is null && back.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                results = await search.SearchAsync(new PassageQuery("Who led the American delegation?"), 3, Ct);
            }
            catch (IndexUnavailableException)
            {
                await Task.Delay(100, Ct);
            }
        }

        Assert.NotNull(results);
        Assert.NotEmpty(results);
        Assert.True(back.Elapsed < Promise, $"recovered {back.Elapsed.TotalSeconds:F1} s after Qdrant was ready again");
    }

    [Fact]
    public async Task AQdrantThatAcceptsButNeverAnswersIsReportedUnavailableAfterTheSearchTimeout()
    {
        // A listener that takes the connection and says nothing: a hung server, or a network that drops the replies.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            while (!Ct.IsCancellationRequested)
                accepted.Add(await silent.AcceptSocketAsync(Ct));
        }, Ct);
        var address = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");
        var options = new QdrantOptions { Url = address, GrpcUrl = address, SearchTimeout = TimeSpan.FromSeconds(1) };
        using var connection = new QdrantConnection(address, apiKey: null, TimeSpan.FromSeconds(30));
        var search = new QdrantPassageSearch(new QdrantIndexClient(connection), _embedder, MsOptions.Create(options), NullLogger<QdrantPassageSearch>.Instance);

        var asked = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<IndexUnavailableException>(() => search.SearchAsync(new PassageQuery("Who led the American delegation?"), 3, Ct));

        Assert.True(asked.Elapsed < Promise, $"told unavailable after {asked.Elapsed.TotalSeconds:F1} s");
        Assert.Contains("Qdrant:SearchTimeout", error.Message, StringComparison.Ordinal);
        foreach (var socket in accepted)
            socket.Dispose();
    }

    public void Dispose()
    {
        try
        {
            _storage.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A killed server may still be releasing its files; the temp folder is swept by the OS.
        }
    }
}
