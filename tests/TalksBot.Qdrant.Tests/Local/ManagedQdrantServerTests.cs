using System.Diagnostics;
using System.Net;
using Grpc.Core;
using System.Runtime.Versioning;
using Microsoft.Extensions.Options;
using TalksBot.Qdrant.Local;
using TalksBot.Qdrant.Store;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests.Local;

// These tests start Qdrant processes of their own (not the shared fixture's), each with its own storage and ports.
public sealed class ManagedQdrantServerTests : IDisposable
{
    private readonly DirectoryInfo _storage = Directory.CreateTempSubdirectory("talksbot-managed-qdrant-");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecondServerForTheSameStorageReusesTheFirstAndLeavesItRunning()
    {
        var options = Options();
        await using var first = new ManagedQdrantServer(options);
        var address = await first.EnsureStartedAsync(Ct);

        await using (var second = new ManagedQdrantServer(options))
        {
            Assert.Equal(address, await second.EnsureStartedAsync(Ct));
            Assert.False(second.OwnsProcess);
            Assert.Equal(first.ProcessId, second.ProcessId);
        }

        using var http = new HttpClient { BaseAddress = address };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("readyz", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task ServersStartingTogetherForTheSameStorageShareOneProcess()
    {
        var options = Options();
        await using var first = new ManagedQdrantServer(options);
        await using var second = new ManagedQdrantServer(options);

        await Task.WhenAll(first.EnsureStartedAsync(Ct), second.EnsureStartedAsync(Ct));

        Assert.Equal(first.ProcessId, second.ProcessId);
        Assert.NotEqual(first.OwnsProcess, second.OwnsProcess);
    }

    [Fact]
    public async Task DisposingTheServerThatStartedQdrantStopsTheProcessAndRemovesItsStateFile()
    {
        var server = new ManagedQdrantServer(Options());
        await server.EnsureStartedAsync(Ct);
        using var process = Process.GetProcessById(server.ProcessId!.Value);

        await server.DisposeAsync();

        Assert.True(process.HasExited);
        Assert.False(File.Exists(Path.Combine(_storage.FullName, ManagedQdrantServer.StateFileName)));
    }

    [Fact]
    public async Task AStaleStateFileFromADeadServerIsIgnored()
    {
        var options = Options();
        await using (var earlier = new ManagedQdrantServer(options))
        {
            await earlier.EnsureStartedAsync(Ct);
            File.Copy(Path.Combine(_storage.FullName, ManagedQdrantServer.StateFileName), Path.Combine(_storage.FullName, "saved.json"));
        }

        File.Move(Path.Combine(_storage.FullName, "saved.json"), Path.Combine(_storage.FullName, ManagedQdrantServer.StateFileName));
        await using var server = new ManagedQdrantServer(options);

        await server.EnsureStartedAsync(Ct);

        Assert.True(server.OwnsProcess);
    }

    [Fact]
    public async Task AMissingBinaryFailsNamingTheInstallScriptAndTheSetting()
    {
        var options = Options();
        options.Value.Local.BinaryPath = Path.Combine(_storage.FullName, "no-such-qdrant");
        await using var server = new ManagedQdrantServer(options);

        var error = await Assert.ThrowsAsync<QdrantServerException>(() => server.EnsureStartedAsync(Ct));

        Assert.Contains("scripts/install-qdrant.sh", error.Message, StringComparison.Ordinal);
        Assert.Contains("Qdrant:Local:BinaryPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [SupportedOSPlatform("linux")] // The Qdrant package the project installs is the Linux x86-64 build.
    public async Task AQdrantThatDiesAtStartFailsWithItsOutput()
    {
        var script = Path.Combine(_storage.FullName, "broken-qdrant");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho 'Panic: storage is corrupt' >&2\nexit 3\n", Ct);
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var options = Options();
        options.Value.Local.BinaryPath = script;
        await using var server = new ManagedQdrantServer(options);

        var error = await Assert.ThrowsAsync<QdrantServerException>(() => server.EnsureStartedAsync(Ct));

        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("Panic: storage is corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAnApiKeyTheServerRejectsCallsWithoutItAndTheClientReportsQdrantsTextWithoutTheKey()
    {
        var options = Options();
        options.Value.ApiKey = "test-key-" + Guid.NewGuid().ToString("N");
        await using var server = new ManagedQdrantServer(options);
        await server.EnsureStartedAsync(Ct);
        using var withoutKey = new QdrantConnection(server.GrpcAddress, apiKey: null, TimeSpan.FromSeconds(30));
        using var withKey = new QdrantConnection(server.GrpcAddress, options.Value.ApiKey, TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<QdrantException>(() => new QdrantIndexClient(withoutKey).ListCollectionsAsync(Ct));

        Assert.Contains(error.StatusCode, new StatusCode?[] { StatusCode.Unauthenticated, StatusCode.PermissionDenied });
        Assert.False(string.IsNullOrWhiteSpace(error.QdrantError));
        Assert.Contains("Qdrant:ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(options.Value.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.Empty(await new QdrantIndexClient(withKey).ListCollectionsAsync(Ct));
    }

    [Fact]
    public async Task AServerStartedOnConfiguredPortsAnswersGrpcOnTheGrpcPort()
    {
        var options = Options();
        await using var server = new ManagedQdrantServer(options);

        await server.EnsureStartedAsync(Ct);

        Assert.Equal(options.Value.Local.GrpcPort, server.GrpcAddress.Port);
        using var connection = new QdrantConnection(server.GrpcAddress, apiKey: null, TimeSpan.FromSeconds(30));
        Assert.Empty(await new QdrantIndexClient(connection).ListCollectionsAsync(Ct));
    }

    public void Dispose() => _storage.Delete(recursive: true);

    private IOptions<QdrantOptions> Options()
    {
        var ports = LoopbackPorts.Free(2);
        return Microsoft.Extensions.Options.Options.Create(new QdrantOptions
        {
            Local =
            {
                BinaryPath = QdrantInstallation.BinaryPath,
                HttpPort = ports[0],
                GrpcPort = ports[1],
                StoragePath = _storage.FullName,
                StartTimeout = TimeSpan.FromSeconds(60),
            },
        });
    }
}
