using System.Text.Json;
using TalksBot.Testing.FakeOpenAi;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Tests;

/// <summary>The generative answerer end to end: the built CLI talking to a local fake of the OpenAI chat API.</summary>
public sealed class AskCliCommandLlmTests(QdrantFixture qdrant)
{
    private const string Question = "Who led the U.S. delegation?";
    private const string ApiKey = "sk-test-secret";

    [Fact]
    public async Task AskJsonAnswersWithTheModelsTextCitingARetrievedPassage()
    {
        await using var model = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        model.EnqueueChat(FakeOpenAiReply.Text("Marco Rubio led the U.S. delegation [1]."));

        var result = await WithModel(model).RunAsync("ask", "--json", Question);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.StartsWith("Marco Rubio led the U.S. delegation", json.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(json.RootElement.GetProperty("citations").EnumerateArray());
        var request = Assert.Single(model.ChatRequests);
        Assert.Contains(request.Messages, m => m.Content.Contains(Question, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AModelThatSearchesAgainGetsPassagesFromTheRealIndexThroughTheKernel()
    {
        await using var model = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        model.EnqueueChat(
            FakeOpenAiReply.CallTool("articles_search", """{"query":"Diriyah venue in Riyadh"}"""),
            FakeOpenAiReply.Text("Marco Rubio led the U.S. delegation [1]."));

        var result = await WithModel(model).RunAsync("ask", "--json", Question);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, model.ChatRequests.Count);
        var found = Assert.Single(model.ChatRequests[1].ToolResults).Content;
        Assert.Contains("<passage number=", found, StringComparison.Ordinal);
        Assert.Contains("Diriyah", found, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.StartsWith("Marco Rubio led the U.S. delegation", json.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskJsonFallsBackToTheExtractiveAnswerWhenTheModelRejectsTheKeyAndNeverShowsTheKey()
    {
        await using var model = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        model.EnqueueChat(FakeOpenAiReply.Error(401, "Incorrect API key provided."));

        var result = await WithModel(model).RunAsync("ask", "--json", Question);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.Contains("Rubio", json.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(model.ChatRequests);
        Assert.DoesNotContain(ApiKey, result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, result.StandardError, StringComparison.Ordinal);
    }

    private CliRun WithModel(FakeOpenAiServer model) => new CliRun(qdrant)
        .With("Llm__Endpoint", model.Endpoint.ToString())
        .With("Llm__ChatModel", "test-model")
        .With("Llm__ApiKey", ApiKey);
}
