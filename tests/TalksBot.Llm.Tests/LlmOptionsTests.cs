using Microsoft.Extensions.Options;

namespace TalksBot.Llm.Tests;

public sealed class LlmOptionsTests
{
    private static ValidateOptionsResult Validate(LlmOptions options) => new LlmOptionsValidator().Validate(null, options);

    [Fact]
    public void NothingSetIsValidAndMeansTheEmbeddedDefaults()
    {
        var options = new LlmOptions();

        Assert.True(Validate(options).Succeeded);
        Assert.False(options.IsChatConfigured);
        Assert.False(options.IsEmbeddingConfigured);
    }

    [Fact]
    public void AChatModelWithoutAnEndpointIsRejectedNamingTheKeys()
    {
        var result = Validate(new LlmOptions { ChatModel = "gpt-4o-mini" });

        Assert.True(result.Failed);
        Assert.Contains("Llm:ChatModel is set but Llm:Endpoint is not", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmbeddingModelWithoutAnEndpointIsRejectedNamingTheKeys()
    {
        var result = Validate(new LlmOptions { EmbeddingModel = "nomic-embed-text" });

        Assert.Contains("Llm:EmbeddingModel is set but Llm:Endpoint is not", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndpointThatIsNotHttpIsRejected()
    {
        var result = Validate(new LlmOptions { Endpoint = new Uri("ftp://example.org/v1"), ChatModel = "m" });

        Assert.Contains("Llm:Endpoint must be an absolute http(s) URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndpointWithoutAnyModelIsRejected()
    {
        var result = Validate(new LlmOptions { Endpoint = new Uri("http://localhost:11434/v1") });

        Assert.Contains("neither Llm:ChatModel nor Llm:EmbeddingModel", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ANegativeRetryCountIsRejectedByItsRange()
    {
        var result = Validate(new LlmOptions { MaxRetries = -1 });

        Assert.Contains(nameof(LlmOptions.MaxRetries), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndpointAndAChatModelConfigureChatOnly()
    {
        var options = new LlmOptions { Endpoint = new Uri("http://localhost:11434/v1"), ChatModel = "llama3.2" };

        Assert.True(Validate(options).Succeeded);
        Assert.True(options.IsChatConfigured);
        Assert.False(options.IsEmbeddingConfigured);
    }
}
