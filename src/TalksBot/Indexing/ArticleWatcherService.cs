using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TalksBot.Indexing;

/// <summary>
/// While the bot runs: makes sure an index is served (removing what a crashed build left), then refreshes whenever the
/// article folder changes, once the folder has been quiet for <see cref="RefreshOptions.Debounce"/>.
/// </summary>
internal sealed partial class ArticleWatcherService(
    ArticleIndexService index,
    IOptions<RefreshOptions> options,
    TimeProvider time,
    ILogger<ArticleWatcherService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One pending signal is enough: every change while one waits is covered by the same refresh.
        var changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var path = index.ArticlesPath;
        Directory.CreateDirectory(path);
        using var watcher = new FileSystemWatcher(path)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        void Signal(object sender, EventArgs e) => changes.Writer.TryWrite(true);
        watcher.Changed += Signal;
        watcher.Created += Signal;
        watcher.Deleted += Signal;
        watcher.Renamed += Signal;
        watcher.Error += Signal; // An overflowed buffer lost events: refresh anyway, a refresh compares the whole folder.
        watcher.EnableRaisingEvents = true;

        try
        {
            await index.EnsureServingAsync(progress: null, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStartFailed(e);
        }

        var debounce = options.Value.Debounce;
        while (await changes.Reader.WaitToReadAsync(stoppingToken))
        {
            changes.Reader.TryRead(out _);
            while (await QuietForAsync(changes.Reader, debounce, stoppingToken) is false)
                changes.Reader.TryRead(out _);
            try
            {
                var summary = await index.RefreshAsync(Actors.Watcher, progress: null, stoppingToken);
                LogRefreshed(summary.Describe());
            }
            catch (RefreshAlreadyRunningException e)
            {
                // A moderator's refresh is running; it may have started before this change, so try again after it.
                LogBusy(e.Message);
                changes.Writer.TryWrite(true);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRefreshFailed(e);
            }
        }
    }

    private async Task<bool> QuietForAsync(ChannelReader<bool> reader, TimeSpan quiet, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(quiet, time, wait.Token);
        var next = reader.WaitToReadAsync(wait.Token).AsTask();
        var first = await Task.WhenAny(delay, next);
        await wait.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == delay;
    }

    [LoggerMessage(2010, LogLevel.Information, "Article folder changed; refreshed: {Summary}")]
    private partial void LogRefreshed(string summary);

    [LoggerMessage(2011, LogLevel.Information, "Article folder changed while a refresh runs ({Reason}); trying again after it")]
    private partial void LogBusy(string reason);

    [LoggerMessage(2012, LogLevel.Error, "Refresh after an article folder change failed; the served index was left as it was")]
    private partial void LogRefreshFailed(Exception exception);

    [LoggerMessage(2013, LogLevel.Error, "Could not make sure an index is served at start-up")]
    private partial void LogStartFailed(Exception exception);
}
