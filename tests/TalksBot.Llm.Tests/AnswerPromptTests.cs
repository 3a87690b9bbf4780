using TalksBot.Llm.Answering;

namespace TalksBot.Llm.Tests;

public sealed class AnswerPromptTests
{
    [Theory]
    [InlineData("Answer from {{$pasages}}", "unknown variable '{{$pasages}}'")]
    [InlineData("Answer from {{articles.search 'x'}} {{$passages}}", "only variables are allowed")]
    [InlineData("Answer without the articles.", "does not use {{$passages}}")]
    [InlineData("Answer from {{$passages", "without its closing")]
    [InlineData("   ", "is empty")]
    public void AnUnusableTemplateIsRejectedNamingTheFileAndTheProblem(string template, string problem)
    {
        var path = Write(template);

        var exception = Assert.Throws<AnswerPromptException>(() => AnswerPrompt.Load(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheShippedPromptLoads()
    {
        Assert.Equal(LlmHarness.PromptPath, AnswerPrompt.Load(LlmHarness.PromptPath).Path);
    }

    private static string Write(string template)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("talksbot-prompt-").FullName, "answer.prompt");
        File.WriteAllText(path, template);
        return path;
    }
}
