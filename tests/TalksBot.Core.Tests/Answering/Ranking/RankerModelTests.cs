using System.Text.Json.Nodes;
using TalksBot.Core.Answering.Ranking;
using TalksBot.Core.Tests.Articles;
using TalksBot.Testing.Qdrant;

namespace TalksBot.Core.Tests.Answering.Ranking;

public sealed class RankerModelTests : IDisposable
{
    private static readonly string ShippedPath = Path.Combine(QdrantInstallation.RepositoryRoot, "data", "weights", "answer-ranker.json");

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheShippedWeightsFileLoads()
    {
        var model = RankerModel.Load(ShippedPath);

        Assert.Equal(SentenceFeatures.Names, model.FeatureNames);
        Assert.Equal(AbstentionFeatures.Names, model.AbstainFeatureNames);
    }

    [Theory]
    [InlineData("bad json")]
    [InlineData("wrong feature names")]
    [InlineData("wrong weight count")]
    [InlineData("not a number")]
    [InlineData("zero scale")]
    public void ACorruptWeightsFileIsRejectedNamingTheFile(string corruption)
    {
        var path = _folder.Write("weights.json", Corrupt(corruption));

        var error = Assert.Throws<RankerModelException>(() => RankerModel.Load(path));

        Assert.Equal(path, error.Path);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingWeightsFileIsRejectedNamingTheFile()
    {
        var path = Path.Combine(_folder.Path, "absent.json");

        var error = Assert.Throws<RankerModelException>(() => RankerModel.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static string Corrupt(string corruption)
    {
        var json = File.ReadAllText(ShippedPath);
        var model = JsonNode.Parse(json)!.AsObject();
        switch (corruption)
        {
            case "bad json":
                return json[..(json.Length / 2)];
            case "wrong feature names":
                model["featureNames"]![0] = "lexicl";
                break;
            case "wrong weight count":
                model["rankWeights"]!.AsArray().RemoveAt(0);
                break;
            case "not a number":
                // JSON has no NaN; a writer that let one through would write it bare.
                model["abstainBias"] = 12345.5;
                return model.ToJsonString().Replace("12345.5", "NaN", StringComparison.Ordinal);
            case "zero scale":
                model["featureScales"]![0] = 0.0;
                break;
        }

        return model.ToJsonString();
    }
}
