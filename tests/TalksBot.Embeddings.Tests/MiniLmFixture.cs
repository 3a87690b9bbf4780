namespace TalksBot.Embeddings.Tests;

/// <summary>One loaded model for the whole assembly: each load costs ~1 s and ~325 MB.</summary>
public sealed class MiniLmFixture : IAsyncLifetime
{
    public MiniLmEmbeddingGenerator Generator { get; } = new();

    public async ValueTask InitializeAsync() => await Generator.WarmUpAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        Generator.Dispose();
        return ValueTask.CompletedTask;
    }
}
