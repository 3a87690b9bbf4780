namespace TalksBot.WebArticles.Importing;

/// <summary>Serialises writes to the article folder so two imports cannot take the same number.</summary>
internal sealed class ImportGate : IDisposable
{
    public SemaphoreSlim Semaphore { get; } = new(1, 1);

    public void Dispose() => Semaphore.Dispose();
}
