using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TalksBot.Qdrant.Index;

namespace TalksBot.Indexing;

/// <summary>
/// A throw-away index of an article folder for one eval run: its own alias and collection prefix (<c>talks_eval_&lt;random&gt;</c>),
/// and its own refresh lock, status file and audit database in a temporary folder, so building it neither waits for nor
/// touches anything of the served index. The run applies <see cref="Overrides"/> before the host is built, and calls
/// <see cref="DeleteAsync"/> when it ends however it ends.
/// </summary>
internal sealed class EvaluationIndex : IDisposable
{
    private const string NamePrefix = "talks_eval_";

    // Clean-up runs after a failure or Ctrl+C, so it has its own budget rather than the run's cancelled token.
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    private readonly string _state;

    private EvaluationIndex(string articles, string name, string state)
    {
        ArticlesPath = articles;
        Alias = name;
        CollectionPrefix = name;
        _state = state;
    }

    public string ArticlesPath { get; }

    public string Alias { get; }

    public string CollectionPrefix { get; }

    /// <summary>Configuration overrides, applied after the user's <c>--config</c> ones so they win.</summary>
    public IReadOnlyList<string> Overrides =>
    [
        $"Articles:Path={ArticlesPath}",
        $"Qdrant:Alias={Alias}",
        $"Qdrant:CollectionPrefix={CollectionPrefix}",
        $"Refresh:LockPath={Path.Combine(_state, "refresh.lock")}",
        $"Refresh:StatusPath={Path.Combine(_state, "refresh-status.json")}",
        // The build is recorded in an audit log like any refresh; it must not show up in the moderators' /stats.
        $"Analytics:DatabasePath={Path.Combine(_state, "analytics.db")}",
    ];

    /// <param name="articles">The folder the index is built from.</param>
    /// <param name="namePrefix">Names the alias and collections; <c>bench</c> passes its own so a leftover says who left it.</param>
    public static EvaluationIndex Create(string articles, string namePrefix = NamePrefix)
    {
        var name = namePrefix + RandomNumberGenerator.GetHexString(12, lowercase: true);
        var state = Directory.CreateTempSubdirectory("talksbot-eval-").FullName;
        return new EvaluationIndex(Path.GetFullPath(articles), name, state);
    }

    /// <summary>Indexes the folder behind this index's alias, with a progress bar when <paramref name="console"/> is given.</summary>
    public Task<RefreshSummary> BuildAsync(IServiceProvider services, IAnsiConsole? console, CancellationToken cancellationToken) =>
        console is null
            ? BuildAsync(services, progress: null, cancellationToken)
            : RefreshProgressBar.RunAsync(console, progress => BuildAsync(services, progress, cancellationToken));

    /// <summary>Indexes the folder behind this index's alias, reporting to <paramref name="progress"/>.</summary>
    public Task<RefreshSummary> BuildAsync(IServiceProvider services, IProgress<RefreshStatus>? progress, CancellationToken cancellationToken)
    {
        EnsureOwnIndex(services);
        return services.GetRequiredService<ArticleIndexService>().RefreshAsync(Actors.Local, progress, cancellationToken);
    }

    /// <summary>Deletes this index's alias and collections; the served index is under another alias and prefix.</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(IServiceProvider services)
    {
        var writer = EnsureOwnIndex(services);
        using var timeout = new CancellationTokenSource(CleanupTimeout);
        return await writer.DeleteAllAsync(timeout.Token);
    }

    // A host built without this index's overrides would build into, and then delete, the served index: refuse.
    private PassageIndexWriter EnsureOwnIndex(IServiceProvider services)
    {
        var writer = services.GetRequiredService<PassageIndexWriter>();
        return writer.Alias == Alias
            ? writer
            : throw new InvalidOperationException($"The host serves alias '{writer.Alias}', not the eval index '{Alias}'; its overrides were not applied.");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_state, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless; the index itself was already removed.
        }
    }
}
