using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalksBot.Hosting;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

/// <summary>The real composed application in this process (the same host the CLI builds), on its own alias, folder, lock and database.</summary>
internal sealed class InProcessApp : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessApp(IHost host, string folder, string state, string alias, string prefix) =>
        (_host, ArticlesFolder, StateDirectory, Alias, CollectionPrefix) = (host, folder, state, alias, prefix);

    public string ArticlesFolder { get; }

    public string StateDirectory { get; }

    public string Alias { get; }

    public string CollectionPrefix { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<InProcessApp> StartAsync(QdrantFixture qdrant, bool hosted = false,
        IEmbeddingGenerator<string, Embedding<float>>? embedder = null, params string[] settings)
    {
        var state = Directory.CreateTempSubdirectory("talksbot-app-").FullName;
        var folder = Directory.CreateTempSubdirectory("talksbot-articles-").FullName;
        foreach (var seed in Directory.GetFiles(Path.Combine(QdrantInstallation.RepositoryRoot, "data", "articles")))
            File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)));
        var name = QdrantFixture.UniqueName("app");
        var builder = TalksBotHost.CreateBuilder(
        [
            $"Qdrant:Url={qdrant.BaseAddress}", $"Qdrant:GrpcUrl={qdrant.GrpcAddress}", $"Qdrant:Alias={name}", $"Qdrant:CollectionPrefix={name}",
            $"Articles:Path={folder}", $"Analytics:DatabasePath={Path.Combine(state, "analytics.db")}",
            $"Refresh:LockPath={Path.Combine(state, "refresh.lock")}", $"Refresh:StatusPath={Path.Combine(state, "refresh-status.json")}",
            "Discord:Token=", "Llm:Endpoint=", "Llm:EmbeddingModel=",
            $"Answering:LexiconPath={Path.Combine(QdrantInstallation.RepositoryRoot, "data", "lexicon")}",
            $"Answering:WeightsPath={Path.Combine(QdrantInstallation.RepositoryRoot, "data", "weights", "answer-ranker.json")}",
            .. settings,
        ], hosted);
        if (embedder is not null)
            builder.Services.AddSingleton(embedder);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new InProcessApp(host, folder, state, name, name);
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
