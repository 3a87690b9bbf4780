using TalksBot.Core.Answering;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Core.Tests.Answering;

public sealed class LexiconValidatorTests
{
    [Fact]
    public void AMissingLexiconFolderFailsStartUpNamingTheKeyAndTheFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), $"talksbot-no-lexicon-{Guid.NewGuid():N}");

        var result = new LexiconValidator().Validate(null, new AnsweringOptions { LexiconPath = path });

        Assert.True(result.Failed);
        Assert.StartsWith("Answering:LexiconPath", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(path, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedLexiconPasses()
    {
        var path = Path.Combine(QdrantInstallation.RepositoryRoot, "data", "lexicon");

        var result = new LexiconValidator().Validate(null, new AnsweringOptions { LexiconPath = path });

        Assert.True(result.Succeeded, result.FailureMessage);
    }
}
