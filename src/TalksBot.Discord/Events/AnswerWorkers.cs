using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TalksBot.Discord.Events;

/// <summary>Runs queued work, <see cref="DiscordOptions.MaxConcurrentAnswers"/> items at a time.</summary>
internal sealed partial class AnswerWorkers(WorkQueue queue, IOptions<DiscordOptions> options, ILogger<AnswerWorkers> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrentAnswers).Select(_ => RunWorkerAsync(stoppingToken)));

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await item.RunAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogWorkFailed(ex, item.Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(1401, LogLevel.Error, "Handling {Work} failed")]
    private partial void LogWorkFailed(Exception exception, string work);
}
