using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class ConfigurationErrorTests(QdrantFixture qdrant)
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Answering__RetrievalLimit", "-3", "Answering:RetrievalLimit must be between 1 and 50" },
        { "Answering__RetrievalLimit", "abc", "Answering:RetrievalLimit: 'abc' is not a whole number" },
        { "Qdrant__RequestTimeout", "banana", "Qdrant:RequestTimeout: 'banana' is not a duration" },
        { "Articles__Path", "/nonexistent/articles", "The article folder /nonexistent/articles does not exist: set Articles:Path" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task ABadSettingIsOnePlainLineNamingTheKeyWithExitCodeTwo(string variable, string value, string expected)
    {
        var result = await new CliRun(qdrant).With(variable, value).RunAsync("ask", "Who led the U.S. delegation?");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        AssertPlain(result);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("refresh")]
    public async Task AMissingArticleFolderIsSaidPlainlyByTheIndexingVerbs(string verb)
    {
        var result = await new CliRun(qdrant).With("Articles__Path", "/nonexistent/articles").RunAsync(verb);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("The article folder /nonexistent/articles does not exist", result.StandardError, StringComparison.Ordinal);
        AssertPlain(result);
    }

    // One or two lines a person reads: no stack trace, no exception type names, no host failure log.
    private static void AssertPlain(CliResult result)
    {
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", result.StandardError, StringComparison.Ordinal);
        Assert.InRange(result.StandardError.Trim().Split('\n').Length, 1, 2);
    }
}
