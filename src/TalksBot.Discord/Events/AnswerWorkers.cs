using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Discord.Gateway;

namespace TalksBot.Discord.Events;

/// <summary>Runs queued work, <see cref="DiscordOptions.MaxConcurrentAnswers"/> items at a time.</summary>
internal sealed partial class AnswerWorkers(WorkQueue queue, GatewayEventQueue events, IOptions<DiscordOptions> options, ILogger<AnswerWorkers> logger)
    : BackgroundService
{
    // An answer may wait this long for the events ahead of it: Discord gives an interaction 3 s to be acknowledged and its
    // answer 15 minutes, so acknowledging a burst first costs the answers little, and a steady stream never starves them.
    private static readonly TimeSpan MaxYield = TimeSpan.FromSeconds(1);

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
                    await YieldToEventsAsync(stoppingToken);
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

    // Answering is CPU-bound (the embedder) and, on a small machine, starves the event workers' acknowledgements of a burst:
    // measured with tests/TalksBot.DeferralBench, the first answers of 100 ran while the last deferrals waited for a core.
    // Real time, not the injected TimeProvider: this hands cores to work that is really waiting, it is no timed rule.
    private async Task YieldToEventsAsync(CancellationToken cancellationToken)
    {
        // Not throwing at MaxYield: then the answer goes ahead whether or not events still wait.
        await events.WhenEmptyAsync().WaitAsync(MaxYield, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(1401, LogLevel.Error, "Handling {Work} failed")]
    private partial void LogWorkFailed(Exception exception, string work);
}
