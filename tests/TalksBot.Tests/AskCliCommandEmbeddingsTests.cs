using System.Text.Json;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class AskCliCommandEmbeddingsTests(QdrantFixture qdrant)
{
    [Fact]
    public async Task SwitchingTheEmbedderToMiniLmRebuildsTheIndexOnTheNextAskWhichStillFindsRubio()
    {
        var cli = new CliRun(qdrant).With("Logging__LogLevel__TalksBot.Indexing", "Information");
        var hashing = await cli.With("Embeddings__Provider", "Hashing").RunAsync("ask", "--json", "Who led the U.S. delegation?");

        var miniLm = await cli.With("Embeddings__Provider", "MiniLm").RunAsync("ask", "--json", "Who led the U.S. delegation?");

        Assert.True(hashing.ExitCode == 0, hashing.ToString());
        Assert.True(miniLm.ExitCode == 0, miniLm.ToString());
        Assert.Contains("building one for", miniLm.StandardError, StringComparison.Ordinal);
        Assert.Contains("embedder=talksbot-minilm/all-MiniLM-L6-v2/384", miniLm.StandardError, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(miniLm.StandardOutput);
        Assert.Contains("Marco Rubio", json.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }
}
