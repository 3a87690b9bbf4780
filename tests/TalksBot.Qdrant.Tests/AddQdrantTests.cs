using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Articles;
using TalksBot.Core.Embeddings;
using TalksBot.Core.Retrieval;
using TalksBot.Qdrant.Index;
using TalksBot.Qdrant.Local;
using TalksBot.Qdrant.Store;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Qdrant.Tests;

public sealed class AddQdrantTests(QdrantFixture qdrant)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithAUrlTheRegisteredWriterAndSearchUseThatServer()
    {
        using var host = BuildHost(qdrant.CreateConfiguration());
        await host.StartAsync(Ct);
        var writer = host.Services.GetRequiredService<PassageIndexWriter>();
        await writer.BuildAsync(TestArticles.All, host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), "fp", null, Ct);

        var results = await host.Services.GetRequiredService<IPassageSearch>().SearchAsync("Who led the American delegation?", 3, Ct);
        var catalog = await host.Services.GetRequiredService<IArticleCatalog>().ListAsync(Ct);

        Assert.Equal(TestArticles.Passage(TestArticles.Delegations, 1), results[0].Passage);
        Assert.Equal(TestArticles.All.Select(a => a.Article.Info).OrderBy(a => a.Id, StringComparer.Ordinal), catalog);
        Assert.Null(host.Services.GetService<ManagedQdrantServer>());
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task WithoutAUrlTheHostStartsTheManagedServerAndStopsItWhenItStops()
    {
        var storage = Directory.CreateTempSubdirectory("talksbot-addqdrant-");
        try
        {
            using var host = BuildManagedHost(storage);
            await host.StartAsync(Ct);
            var server = host.Services.GetRequiredService<ManagedQdrantServer>();
            using var process = Process.GetProcessById(server.ProcessId!.Value);
            await host.Services.GetRequiredService<PassageIndexWriter>()
                .BuildAsync([TestArticles.Markets], host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), "fp", null, Ct);
            var results = await host.Services.GetRequiredService<IPassageSearch>().SearchAsync("Brent crude", 1, Ct);

            await host.StopAsync(Ct);

            Assert.Equal(TestArticles.Markets.Article.Id, results[0].Article.Id);
            Assert.True(process.HasExited);
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AManagedServerThatIsKilledIsStartedAgainByTheNextSearchWithItsIndex()
    {
        var storage = Directory.CreateTempSubdirectory("talksbot-addqdrant-");
        try
        {
            using var host = BuildManagedHost(storage);
            await host.StartAsync(Ct);
            var server = host.Services.GetRequiredService<ManagedQdrantServer>();
            var search = host.Services.GetRequiredService<IPassageSearch>();
            await host.Services.GetRequiredService<PassageIndexWriter>()
                .BuildAsync([TestArticles.Markets], host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), "fp", null, Ct);
            var killed = server.ProcessId!.Value;
            using (var process = Process.GetProcessById(killed))
            {
                process.Kill();
                await process.WaitForExitAsync(Ct);
            }

            // The first attempt finds nothing listening; a retry or the next question starts the server again.
            IReadOnlyList<RetrievedPassage>? results = null;
            for (var attempt = 0; attempt < 3 && results is null; attempt++)
            {
                try
                {
                    results = await search.SearchAsync("Brent crude", 1, Ct);
                }
                catch (IndexUnavailableException)
                {
                }
            }

            Assert.NotNull(results);
            Assert.Equal(TestArticles.Markets.Article.Id, results[0].Article.Id);
            Assert.NotEqual(killed, server.ProcessId);
            await host.StopAsync(Ct);
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AnInvalidUrlStopsStartUpNamingTheKey()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Qdrant:Url"] = "ftp://qdrant" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("Qdrant:Url must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidGrpcUrlStopsStartUpNamingTheKey()
    {
        using var host = BuildHost(new Dictionary<string, string?> { ["Qdrant:Url"] = "http://qdrant:6333", ["Qdrant:GrpcUrl"] = "qdrant:6334" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains("Qdrant:GrpcUrl must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheProcessHasOneQdrantClientAndItsExpectedFailuresAreNotLoggedAsErrors()
    {
        var recorder = new RecordingLoggerProvider();
        using var host = BuildHost(qdrant.CreateConfiguration(), recorder);
        await host.StartAsync(Ct);
        var client = host.Services.GetRequiredService<QdrantIndexClient>();
        var name = QdrantFixture.UniqueCollectionName();
        await client.CreateCollectionAsync(name, 2, null, Ct);

        await Assert.ThrowsAsync<QdrantException>(() => client.CreateCollectionAsync(name, 2, null, Ct));
        await Assert.ThrowsAsync<QdrantException>(() => client.GetCollectionAsync(QdrantFixture.UniqueCollectionName("missing"), Ct));

        Assert.Same(host.Services.GetRequiredService<QdrantConnection>().Client, host.Services.GetRequiredService<global::Qdrant.Client.QdrantClient>());
        Assert.DoesNotContain(recorder.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(recorder.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("AlreadyExists", StringComparison.Ordinal));
        await client.DeleteCollectionAsync(name, Ct);
        await host.StopAsync(Ct);
    }

    // A host with no Qdrant:Url: it manages a server of its own on free ports over the given storage.
    private static IHost BuildManagedHost(DirectoryInfo storage)
    {
        var ports = LoopbackPorts.Free(2);
        return BuildHost(new Dictionary<string, string?>
        {
            ["Qdrant:Local:BinaryPath"] = QdrantInstallation.BinaryPath,
            ["Qdrant:Local:HttpPort"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Qdrant:Local:GrpcPort"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Qdrant:Local:StoragePath"] = storage.FullName,
            ["Qdrant:Local:StartTimeout"] = "00:01:00",
        });
    }

    private static IHost BuildHost(IReadOnlyDictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs);
        }

        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(new HashingEmbeddingGenerator(dimensions: 128));
        builder.AddQdrant();
        return builder.Build();
    }
}
