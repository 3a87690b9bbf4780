using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;
using TalksBot.Analytics;
using TalksBot.Core.Analytics;
using TalksBot.Core.Articles;
using TalksBot.Core.Passages;
using TalksBot.Qdrant.Index;

namespace TalksBot.Indexing;

/// <summary>
/// Turns the article folder into the served Qdrant index. Every change goes through a refresh (or a rollback) that holds
/// this process's gate and the cross-process refresh lock (<see cref="IRefreshLock"/>), so one runs at a time across the bot and the CLI; the alias
/// swaps only to a complete, verified version, so questions keep being answered from the old index meanwhile.
/// </summary>
internal sealed partial class ArticleIndexService(
    ArticleLoader loader,
    PassageChunker chunker,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    PassageIndexWriter writer,
    IAuditLog audit,
    TimeProvider time,
    IOptions<ArticleLoaderOptions> options,
    IOptions<RefreshOptions> refreshOptions,
    IRefreshLock refreshLock,
    ILogger<ArticleIndexService> logger) : IDisposable
{
    // Progress is written to the status file at most this often: other processes only need a rough picture.
    private static readonly TimeSpan StatusWriteInterval = TimeSpan.FromMilliseconds(250);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly RefreshOptions _refresh = refreshOptions.Value;
    private RefreshStatus? _current;
    private long _lastStatusWrite;

    /// <summary>Covers everything that changes the stored vectors, so a changed chunker or embedder means a rebuild, never mixed vectors.</summary>
    public string Fingerprint { get; } = BuildFingerprint(chunker, embedder);

    public string ArticlesPath => options.Value.FullPath;

    /// <summary>
    /// Builds a new index version from the article folder, re-embedding only added and changed articles, then swaps the alias.
    /// When the served index already matches the folder nothing is rebuilt (<see cref="RefreshSummary.Rebuilt"/> false).
    /// </summary>
    /// <exception cref="RefreshAlreadyRunningException">Another refresh or rollback is running, here or in another process.</exception>
    public async Task<RefreshSummary> RefreshAsync(string actor, IProgress<RefreshStatus>? progress, CancellationToken cancellationToken) =>
        (await RefreshCoreAsync("refresh", actor, directory: null, force: false, progress, cancellationToken)).Summary;

    /// <summary>The running refresh (here or in another process), else the last one's outcome; null when there has been none.</summary>
    public RefreshStatus? GetStatus()
    {
        if (Volatile.Read(ref _current) is { Finished: false } running)
            return running;
        var stored = ReadStatusFile();
        if (stored is { Finished: false } && !IsAlive(stored.ProcessId))
        {
            // The holder died mid-way: the kernel released its lock and the alias never moved; the next start removes its collection.
            return stored with { Phase = "interrupted", FinishedAt = stored.StartedAt, Outcome = $"failed: process {stored.ProcessId} ended mid-way; the served index was left as it was" };
        }

        return stored;
    }

    /// <summary>Points the alias back at the kept previous version; it stays served until the next refresh.</summary>
    /// <exception cref="RefreshAlreadyRunningException">A refresh is running.</exception>
    /// <exception cref="IndexBuildException">There is no earlier complete version to go back to.</exception>
    public Task<RollbackSummary> RollbackAsync(string actor, CancellationToken cancellationToken) =>
        MoveAliasAsync("rollback", "back", writer.RollbackAsync, actor, cancellationToken);

    /// <summary>Points the alias forward again, at the version the last rollback went back from; it is kept until the next refresh.</summary>
    /// <exception cref="RefreshAlreadyRunningException">A refresh is running.</exception>
    /// <exception cref="IndexBuildException">No newer complete version is kept.</exception>
    public Task<RollbackSummary> RollforwardAsync(string actor, CancellationToken cancellationToken) =>
        MoveAliasAsync("rollforward", "forward", writer.RollforwardAsync, actor, cancellationToken);

    // Rollback and rollforward differ only in which kept version the writer moves the alias to.
    private Task<RollbackSummary> MoveAliasAsync(string operation, string direction, Func<CancellationToken, Task<IndexManifest>> move,
        string actor, CancellationToken cancellationToken) =>
        RunExclusiveAsync(operation, actor, async (_, token) =>
        {
            var from = (await writer.GetServingManifestAsync(token))?.Collection;
            var to = await move(token);
            return new RollbackSummary(actor, from, to.Collection, to.ArticleCount, to.PassageCount, to.BuiltAt);
        }, r => (r.To, $"ok: {direction} to {r.To} ({r.ArticleCount} articles, {r.PassageCount} passages)"), null, cancellationToken);

    /// <summary>Loads the folder and refreshes from it; <paramref name="force"/> rebuilds (re-embedding everything) even when nothing changed.</summary>
    public async Task<IngestSummary> IngestAsync(string? directory, bool force, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var (summary, manifest) = await RefreshProgressBar.RunAsync(console,
            progress => RefreshCoreAsync("refresh", Actors.Local, directory, force, progress, cancellationToken));
        return new IngestSummary(Path.GetFullPath(directory ?? options.Value.Path), manifest, summary.Skipped, summary.Elapsed, summary.Rebuilt);
    }

    /// <summary>
    /// Makes sure there is an index to answer from, and removes collections a crashed build left behind. The first question
    /// on an empty machine builds it (under the lock), and so does the first after a change of embedder or chunker (a
    /// question embedded by one model cannot be matched against another's vectors); otherwise the index changes only
    /// through a refresh or rollback, never as a side effect of asking. While another process refreshes, the served index is simply used.
    /// </summary>
    public async Task EnsureServingAsync(IProgress<RefreshStatus>? progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await TryCleanUpAsync(cancellationToken) is { } serving)
            {
                if (serving)
                    return;
                if (await writer.GetServingManifestAsync(cancellationToken) is { } stale)
                    LogRebuildingForFingerprint(stale.Fingerprint, Fingerprint);
                else
                    LogBuildingInitialIndex(options.Value.FullPath);
                try
                {
                    await RefreshCoreAsync("initial build", Actors.Local, directory: null, force: false, progress, cancellationToken);
                    return;
                }
                catch (RefreshAlreadyRunningException)
                {
                    // Someone started a build between our check and our build: wait for it below.
                }
            }

            if (await writer.GetServingManifestAsync(cancellationToken) is not null)
                return;
            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
        }
    }

    public async Task EnsureServingAsync(IAnsiConsole console, CancellationToken cancellationToken)
    {
        // A command at the terminal names the folder it answers from; a missing one is a setting to fix, not a reason to
        // answer quietly from whatever was indexed before.
        if (!Directory.Exists(options.Value.FullPath))
            throw new DirectoryNotFoundException($"The article folder {options.Value.FullPath} does not exist: set Articles:Path to the folder holding the articles.");
        // A progress bar only when there is something to build: an ask on a served index prints nothing extra. The
        // clean-up already reads whether an index is served; only while a refresh holds the lock is it read here.
        var served = await TryCleanUpAsync(cancellationToken);
        if (served is true || (served is null && await writer.GetServingManifestAsync(cancellationToken) is not null))
            return;

        await RefreshProgressBar.RunAsync(console, async progress =>
        {
            await EnsureServingAsync(progress, cancellationToken);
            return true;
        });
    }

    public void Dispose() => _gate.Dispose();

    // Null when a refresh holds the gate or the lock; otherwise whether an index built with this fingerprint is served after removing orphans.
    private async Task<bool?> TryCleanUpAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, cancellationToken))
            return null;
        try
        {
            await using var held = await refreshLock.TryAcquireAsync(cancellationToken);
            if (held is null)
                return null;
            foreach (var orphan in await writer.DeleteOrphansAsync(cancellationToken))
                LogOrphanDeleted(orphan);
            return await writer.GetServingManifestAsync(cancellationToken) is { } manifest
                && string.Equals(manifest.Fingerprint, Fingerprint, StringComparison.Ordinal);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task<(RefreshSummary Summary, IndexManifest Manifest)> RefreshCoreAsync(string operation, string actor, string? directory, bool force,
        IProgress<RefreshStatus>? progress, CancellationToken cancellationToken) =>
        RunExclusiveAsync(operation, actor, async (report, token) =>
        {
            var started = Stopwatch.GetTimestamp();
            var path = Path.GetFullPath(directory ?? options.Value.Path);
            if (!Directory.Exists(path))
                throw new DirectoryNotFoundException($"The article folder {path} does not exist: set Articles:Path, or pass --path, to the folder holding the articles.");

            report("cleaning up", 0, 0);
            foreach (var orphan in await writer.DeleteOrphansAsync(token))
                LogOrphanDeleted(orphan);

            report("loading articles", 0, 0);
            var set = await loader.LoadDirectoryAsync(path, token);
            foreach (var skipped in set.Skipped)
                LogSkipped(skipped.Path, skipped.Reason);
            if (set.Articles.Count == 0)
                throw new IndexBuildException($"No usable article in {path}: nothing to index (skipped {set.Skipped.Count} file(s)).");

            var serving = await writer.GetServingManifestAsync(token);
            if (!force && serving is not null && serving.Matches(Fingerprint, set.Articles))
            {
                var ids = serving.Articles.Select(a => a.Id).ToArray();
                return (Summary: new RefreshSummary(actor, serving.Collection, null, Rebuilt: false, [], [], [], ids, serving.ArticleCount, serving.PassageCount,
                    0, 0, set.Skipped, Stopwatch.GetElapsedTime(started)), Manifest: serving);
            }

            var articles = set.Articles.Select(a => new ArticlePassages(a, chunker.Chunk(a))).ToList();
            var total = articles.Sum(a => a.Passages.Count);
            report("indexing", 0, total);
            var indexProgress = new SynchronousProgress<IndexBuildProgress>(p => report("indexing", p.PassagesIndexed, p.PassageCount));
            // Forcing means "trust nothing served": build from scratch, embedding every passage.
            var (build, plan, embedded, copied) = force
                ? await ForceBuildAsync(articles, serving, indexProgress, token)
                : await writer.RefreshAsync(articles, embedder, Fingerprint, indexProgress, token);
            var m = build.Manifest;
            LogBuilt(m.Collection, m.ArticleCount, m.PassageCount, embedded, build.Elapsed.TotalMilliseconds);
            return (Summary: new RefreshSummary(actor, m.Collection, build.PreviousCollection, Rebuilt: true, plan.Added, plan.Changed, plan.Removed, plan.Unchanged,
                m.ArticleCount, m.PassageCount, embedded, copied, set.Skipped, Stopwatch.GetElapsedTime(started)), Manifest: m);
        }, r => (r.Summary.Collection, "ok: " + r.Summary.Describe()), progress, cancellationToken);

    private async Task<IndexRefreshResult> ForceBuildAsync(List<ArticlePassages> articles, IndexManifest? serving,
        IProgress<IndexBuildProgress> progress, CancellationToken cancellationToken)
    {
        var build = await writer.BuildAsync(articles, embedder, Fingerprint, progress, cancellationToken);
        var total = build.Manifest.PassageCount;
        return new IndexRefreshResult(build, RefreshPlan.Create(articles, serving, Fingerprint), total, 0);
    }

    // One refresh or rollback at a time: this process's gate first (so a second caller here learns the progress from
    // memory), then the cross-process refresh lock. Every attempt ends in the audit log, refusals included.
    private async Task<T> RunExclusiveAsync<T>(string operation, string actor, Func<Action<string, int, int>, CancellationToken, Task<T>> work,
        Func<T, (string Target, string Outcome)> describe, IProgress<RefreshStatus>? progress, CancellationToken cancellationToken)
    {
        var action = operation is "rollback" or "rollforward" ? operation : "refresh";
        if (!await _gate.WaitAsync(0, cancellationToken))
            throw await RefusedAsync(action, actor, Volatile.Read(ref _current), cancellationToken);
        try
        {
            await using var held = await refreshLock.TryAcquireAsync(cancellationToken);
            if (held is null)
                throw await RefusedAsync(action, actor, ReadStatusFile(), cancellationToken);

            var status = new RefreshStatus(operation, actor, Environment.ProcessId, time.GetUtcNow(), "starting", 0, 0);
            Publish(status, progress, force: true);
            try
            {
                var result = await work((phase, done, total) =>
                {
                    var next = Volatile.Read(ref _current)! with { Phase = phase, PassagesDone = done, PassagesTotal = total };
                    Publish(next, progress, force: phase != status.Phase);
                    status = next;
                }, cancellationToken);
                var (target, outcome) = describe(result);
                Publish(status with { Phase = "done", FinishedAt = time.GetUtcNow(), Outcome = outcome }, progress, force: true);
                await RecordAsync(action, actor, target, outcome);
                return result;
            }
            catch (Exception e)
            {
                var cancelled = e is OperationCanceledException && cancellationToken.IsCancellationRequested;
                var outcome = cancelled ? "failed: cancelled (shutting down or stopped by the user)" : "failed: " + e.Message;
                Publish(status with { Phase = "failed", FinishedAt = time.GetUtcNow(), Outcome = outcome }, progress, force: true);
                if (cancelled)
                    LogCancelled(operation, actor);
                else if (e is DirectoryNotFoundException || (e is IndexBuildException && operation is "rollback" or "rollforward"))
                    // A setting to fix, or nothing to roll back or forward to: told to whoever asked (the CLI's error
                    // line, the moderator's reply), so no stack trace here.
                    LogDidNotRun(operation, actor, e.Message);
                else
                    LogFailed(e, operation, actor);
                await RecordAsync(action, actor, writer.Alias, outcome);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<RefreshAlreadyRunningException> RefusedAsync(string action, string actor, RefreshStatus? running, CancellationToken cancellationToken)
    {
        var refused = new RefreshAlreadyRunningException(running);
        cancellationToken.ThrowIfCancellationRequested();
        await RecordAsync(action, actor, writer.Alias, "failed: " + refused.Message);
        return refused;
    }

    // Runs after the work ended, possibly by cancellation, so it has its own token: the audit must still be written.
    private async Task RecordAsync(string action, string actor, string target, string outcome)
    {
        try
        {
            await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), actor, action, target, outcome), CancellationToken.None);
        }
        catch (Exception e) when (e is AnalyticsStoreException or ObjectDisposedException)
        {
            // ObjectDisposed: the host is stopping and has closed the store under a build that just finished. The
            // build's outcome stands either way; only its audit line is lost, and said so.
            LogAuditFailed(e, action, outcome);
        }
    }

    private void Publish(RefreshStatus status, IProgress<RefreshStatus>? progress, bool force)
    {
        Volatile.Write(ref _current, status);
        progress?.Report(status);
        var now = time.GetTimestamp();
        if (!force && time.GetElapsedTime(Interlocked.Read(ref _lastStatusWrite), now) < StatusWriteInterval)
            return;
        Interlocked.Exchange(ref _lastStatusWrite, now);
        try
        {
            // Written beside and renamed over, so a reader never sees half a file.
            var path = _refresh.FullStatusPath;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(status, RefreshJsonContext.Default.RefreshStatus));
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException e)
        {
            // The status file only informs other processes; the refresh itself must not fail over it.
            LogStatusWriteFailed(e, _refresh.FullStatusPath);
        }
    }

    private RefreshStatus? ReadStatusFile()
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(_refresh.FullStatusPath), RefreshJsonContext.Default.RefreshStatus);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string BuildFingerprint(PassageChunker chunker, IEmbeddingGenerator<string, Embedding<float>> embedder)
    {
        var meta = embedder.GetService<EmbeddingGeneratorMetadata>();
        return $"chunker={chunker.Fingerprint};embedder={meta?.ProviderName}/{meta?.DefaultModelId}/{meta?.DefaultModelDimensions}";
    }

    [LoggerMessage(2001, LogLevel.Warning, "Skipped article file {Path}: {Reason}")]
    private partial void LogSkipped(string path, string reason);

    [LoggerMessage(2002, LogLevel.Information, "Serving {Collection}: {Articles} articles, {Passages} passages ({Embedded} embedded), built in {ElapsedMs:0} ms")]
    private partial void LogBuilt(string collection, int articles, int passages, int embedded, double elapsedMs);

    [LoggerMessage(2003, LogLevel.Information, "No index yet: building the initial index from {Path}")]
    private partial void LogBuildingInitialIndex(string path);

    [LoggerMessage(2009, LogLevel.Information, "The served index was built as {Served}; building one for {Current}")]
    private partial void LogRebuildingForFingerprint(string served, string current);

    [LoggerMessage(2004, LogLevel.Warning, "Deleted orphaned index collection {Collection} left by an interrupted build")]
    private partial void LogOrphanDeleted(string collection);

    [LoggerMessage(2019, LogLevel.Information, "{Operation} by {Actor} did not run: {Reason}")]
    private partial void LogDidNotRun(string operation, string actor, string reason);

    [LoggerMessage(2005, LogLevel.Error, "{Operation} by {Actor} failed; the served index was left as it was")]
    private partial void LogFailed(Exception exception, string operation, string actor);

    [LoggerMessage(2008, LogLevel.Information, "{Operation} by {Actor} was cancelled; the served index was left as it was")]
    private partial void LogCancelled(string operation, string actor);

    [LoggerMessage(2006, LogLevel.Warning, "Could not write the refresh status file {Path}")]
    private partial void LogStatusWriteFailed(Exception exception, string path);

    [LoggerMessage(2007, LogLevel.Error, "Could not record {Action} ({Outcome}) in the audit log")]
    private partial void LogAuditFailed(Exception exception, string action, string outcome);
}
