namespace TalksBot.Qdrant.Tests;

public sealed class QdrantOptionsValidatorTests
{
    private readonly QdrantOptionsValidator _validator = new();

    [Fact]
    public void DefaultOptionsAreValid()
    {
        Assert.True(_validator.Validate(null, new QdrantOptions()).Succeeded);
    }

    [Theory]
    [InlineData("qdrant:6333")]
    [InlineData("ftp://qdrant:6333")]
    public void AUrlThatIsNotAnAbsoluteHttpUrlIsRejectedNamingTheKey(string url)
    {
        var result = _validator.Validate(null, new QdrantOptions { Url = new Uri(url, UriKind.RelativeOrAbsolute) });

        Assert.Contains("Qdrant:Url must be an absolute http(s) URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasQdrantCannotUseIsRejectedNamingTheKey()
    {
        var result = _validator.Validate(null, new QdrantOptions { Alias = "talks index" });

        Assert.Contains("Qdrant:Alias", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalSettingsAreValidatedNamingTheirKeys()
    {
        var result = _validator.Validate(null, new QdrantOptions { Local = { HttpPort = 70000, GrpcPort = 6434 } });

        Assert.Contains("Qdrant:Local:HttpPort", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSamePortForHttpAndGrpcIsRejected()
    {
        var result = _validator.Validate(null, new QdrantOptions { Local = { HttpPort = 7000, GrpcPort = 7000 } });

        Assert.Contains("Qdrant:Local:GrpcPort must differ from Qdrant:Local:HttpPort", result.FailureMessage, StringComparison.Ordinal);
    }
}
