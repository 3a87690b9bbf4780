using Microsoft.Extensions.Options;
using TalksBot.Qdrant;
using TalksBot.Qdrant.Local;
using TalksBot.Qdrant.Store;
using Xunit;

namespace TalksBot.Testing.Qdrant;

/// <summary>
/// The real Qdrant the project installs, started once per test assembly through <see cref="ManagedQdrantServer"/> on free
/// ports with temporary storage. Use it as an xunit v3 assembly fixture: add
/// <c>[assembly: AssemblyFixture(typeof(QdrantFixture))]</c> to the test project and take a <see cref="QdrantFixture"/> in the
/// test class constructor. Isolate tests by unique names (<see cref="UniqueName"/>, <see cref="CreateOptions"/>).
/// A missing Qdrant fails every test that uses the fixture with a message saying to run scripts/install-qdrant.sh; it never skips.
/// </summary>
public sealed class QdrantFixture : IAsyncLifetime
{
    // Generous: parallel builds share two cores with the test run.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private QdrantConnection? _connection;
    private ManagedQdrantServer? _server;
    private string? _storage;

    /// <summary>Where the shared Qdrant answers REST (and <c>/readyz</c>), e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the shared Qdrant answers gRPC, which every index operation uses.</summary>
    public Uri GrpcAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        QdrantInstallation.EnsureInstalled("storage tests");
        _storage = Directory.CreateTempSubdirectory("talksbot-qdrant-tests-").FullName;
        var ports = LoopbackPorts.Free(2);
        _server = new ManagedQdrantServer(Options.Create(new QdrantOptions
        {
            Local =
            {
                BinaryPath = QdrantInstallation.BinaryPath,
                HttpPort = ports[0],
                GrpcPort = ports[1],
                StoragePath = _storage,
                // Generous: parallel builds share two cores with the test run.
                StartTimeout = TimeSpan.FromSeconds(60),
            },
        }));
        BaseAddress = await _server.EnsureStartedAsync(TestContext.Current.CancellationToken);
        GrpcAddress = _server.GrpcAddress;
        _connection = new QdrantConnection(GrpcAddress, apiKey: null, RequestTimeout);
    }

    public async ValueTask DisposeAsync()
    {
        _connection?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_storage is not null && Directory.Exists(_storage))
        {
            Directory.Delete(_storage, recursive: true);
        }
    }

    /// <summary>A client for the shared server over the fixture's one gRPC channel, which the fixture disposes.</summary>
    public QdrantIndexClient CreateClient() => new(_connection!);

    /// <summary>A name no other test uses, valid as a Qdrant collection, alias or <c>Qdrant:CollectionPrefix</c>.</summary>
    public static string UniqueName(string prefix = "t") => $"{prefix}_{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>The same as <see cref="UniqueName"/>, for a collection a test creates directly.</summary>
    public static string UniqueCollectionName(string prefix = "t") => UniqueName(prefix);

    /// <summary>Options for the shared server with an alias and collection prefix of their own.</summary>
    public QdrantOptions CreateOptions() => new()
    {
        Url = BaseAddress,
        GrpcUrl = GrpcAddress,
        Alias = UniqueName("alias"),
        CollectionPrefix = UniqueName("c"),
        RequestTimeout = RequestTimeout,
    };

    /// <summary>
    /// Configuration pointing an app (e.g. <c>builder.Configuration.AddInMemoryCollection(...)</c>) at the shared server with
    /// an alias and collection prefix of its own, so end-to-end tests run in parallel without seeing each other's index.
    /// </summary>
    public IReadOnlyDictionary<string, string?> CreateConfiguration()
    {
        var options = CreateOptions();
        return new Dictionary<string, string?>
        {
            [$"{QdrantOptions.Section}:Url"] = options.Url!.ToString(),
            [$"{QdrantOptions.Section}:GrpcUrl"] = options.GrpcUrl!.ToString(),
            [$"{QdrantOptions.Section}:Alias"] = options.Alias,
            [$"{QdrantOptions.Section}:CollectionPrefix"] = options.CollectionPrefix,
            [$"{QdrantOptions.Section}:RequestTimeout"] = options.RequestTimeout.ToString(),
        };
    }
}
