using TalksBot.Core.Answering;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Core.Tests.Answering;

public sealed class RankerWeightsValidatorTests
{
    [Fact]
    public void AMissingWeightsFileFailsStartUpNamingTheKeyAndTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"talksbot-no-weights-{Guid.NewGuid():N}.json");

        var result = new RankerWeightsValidator().Validate(null, new AnsweringOptions { WeightsPath = path });

        Assert.True(result.Failed);
        Assert.StartsWith("Answering:WeightsPath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(path, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedWeightsFilePasses()
    {
        var path = Path.Combine(QdrantInstallation.RepositoryRoot, "data", "weights", "answer-ranker.json");

        var result = new RankerWeightsValidator().Validate(null, new AnsweringOptions { WeightsPath = path });

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}
