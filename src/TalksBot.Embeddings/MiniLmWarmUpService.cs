using Microsoft.Extensions.Hosting;

namespace TalksBot.Embeddings;

/// <summary>
/// Starts loading the model when the host starts, so the ~1 s load overlaps the managed Qdrant's start and the index
/// check instead of delaying the first question. Registered before Qdrant so its start runs first.
/// </summary>
internal sealed class MiniLmWarmUpService(MiniLmEmbeddingGenerator generator) : IHostedService
{
    // Not awaited on purpose: the generator keeps the load's task and every caller awaits it, so a failed load
    // surfaces on the first embedding call rather than being lost.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        generator.BeginLoad();
        return Task.CompletedTask;
    }

    // A short verb (articles remove) can finish before the load does; a process that exits while ONNX Runtime is still
    // building its native session crashed with SIGSEGV (exit 139) after its work was done. So the stop waits for the
    // load, within the host's stop timeout. WhenAny never throws: a failed load is the first caller's to report.
    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAny(generator.WarmUpAsync(CancellationToken.None), Task.Delay(Timeout.Infinite, cancellationToken));
}
