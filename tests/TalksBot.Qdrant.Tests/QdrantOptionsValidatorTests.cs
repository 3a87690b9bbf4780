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

    [Theory]
    [InlineData(0, null, null, "Qdrant:ShardNumber must be between 1 and 256")]
    [InlineData(null, 0, null, "Qdrant:ReplicationFactor must be between 1 and 16")]
    [InlineData(null, null, 0, "Qdrant:WriteConsistencyFactor must be at least 1")]
    [InlineData(3, 2, 3, "Qdrant:WriteConsistencyFactor (3) must not exceed Qdrant:ReplicationFactor (2)")]
    [InlineData(null, null, 2, "Qdrant:WriteConsistencyFactor (2) must not exceed Qdrant:ReplicationFactor (1)")]
    public void AClusterLayoutQdrantCannotHonourIsRejectedNamingTheKey(int? shards, int? replicas, int? writeConsistency, string message)
    {
        var result = _validator.Validate(null, new QdrantOptions { ShardNumber = shards, ReplicationFactor = replicas, WriteConsistencyFactor = writeConsistency });

        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreeShardsOfTwoReplicasWithWriteConsistencyOneAreValid()
    {
        Assert.True(_validator.Validate(null, new QdrantOptions { ShardNumber = 3, ReplicationFactor = 2, WriteConsistencyFactor = 1 }).Succeeded);
    }

    [Fact]
    public void TheSamePortForHttpAndGrpcIsRejected()
    {
        var result = _validator.Validate(null, new QdrantOptions { Local = { HttpPort = 7000, GrpcPort = 7000 } });

        Assert.Contains("Qdrant:Local:GrpcPort must differ from Qdrant:Local:HttpPort", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://qdrant:6333", "http://qdrant:6334/")]
    [InlineData("https://xyz.cloud.qdrant.io:6333", "https://xyz.cloud.qdrant.io:6334/")]
    [InlineData("https://xyz.cloud.qdrant.io", "https://xyz.cloud.qdrant.io:6334/")]
    public void TheGrpcEndpointDefaultsToTheRestHostOnPort6334(string url, string grpc)
    {
        Assert.Equal(new Uri(grpc), new QdrantOptions { Url = new Uri(url) }.GrpcAddress);
    }

    [Fact]
    public void GrpcUrlOverridesTheDefaultEndpoint()
    {
        var options = new QdrantOptions { Url = new Uri("http://qdrant:6333"), GrpcUrl = new Uri("https://grpc.example:443") };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(new Uri("https://grpc.example:443"), options.GrpcAddress);
    }

    [Fact]
    public void WithoutAUrlTheGrpcEndpointIsTheManagedServersGrpcPort()
    {
        Assert.Equal(new Uri("http://127.0.0.1:7001/"), new QdrantOptions { Local = { GrpcPort = 7001 } }.GrpcAddress);
    }

    [Theory]
    [InlineData("qdrant:6334")]
    [InlineData("ftp://qdrant:6334")]
    public void AGrpcUrlThatIsNotAnAbsoluteHttpUrlIsRejectedNamingTheKey(string url)
    {
        var result = _validator.Validate(null,
            new QdrantOptions { Url = new Uri("http://qdrant:6333"), GrpcUrl = new Uri(url, UriKind.RelativeOrAbsolute) });

        Assert.Contains("Qdrant:GrpcUrl must be an absolute http(s) URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AGrpcUrlWithoutAUrlIsRejectedNamingBothKeys()
    {
        var result = _validator.Validate(null, new QdrantOptions { GrpcUrl = new Uri("http://qdrant:6334") });

        Assert.Contains("Qdrant:GrpcUrl needs Qdrant:Url", result.FailureMessage, StringComparison.Ordinal);
    }
}
