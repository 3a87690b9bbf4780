using System.Text.Json;
using System.Text.Json.Serialization;

namespace TalksBot.Core.Answering.Ranking;

/// <summary>
/// The fitted weights of the sentence ranker and of the abstention model, and the threshold between answering and
/// abstaining, as written by <c>talksbot fit</c> to <c>data/weights/answer-ranker.json</c>. Features are standardised
/// with the means and scales recorded at fitting, so weights compare across features.
/// </summary>
/// <param name="Fitted">How, when and on what the weights were fitted; shown in reports, never read by the code.</param>
internal sealed record RankerModel(
    int Version,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<double> FeatureMeans,
    IReadOnlyList<double> FeatureScales,
    IReadOnlyList<double> RankWeights,
    IReadOnlyList<string> AbstainFeatureNames,
    IReadOnlyList<double> AbstainMeans,
    IReadOnlyList<double> AbstainScales,
    IReadOnlyList<double> AbstainWeights,
    double AbstainBias,
    double AnswerThreshold,
    FitRecord Fitted)
{
    /// <summary>Where the weights live when no path is configured, relative to the working directory.</summary>
    public const string DefaultPath = "data/weights/answer-ranker.json";

    public const int CurrentVersion = 1;

    /// <summary>
    /// Weights that rank by lexical match alone and never abstain: what <c>talksbot fit</c> starts the application with
    /// when there is no fitted file yet, since fitting needs the application's own retrieval.
    /// </summary>
    public static RankerModel Unfitted()
    {
        var n = SentenceFeatures.Names.Count;
        var a = AbstentionFeatures.Names.Count;
        var weights = new double[n];
        weights[0] = 1;
        return new RankerModel(CurrentVersion, SentenceFeatures.Names, new double[n], [.. Enumerable.Repeat(1.0, n)], weights,
            AbstentionFeatures.Names, new double[a], [.. Enumerable.Repeat(1.0, a)], new double[a], 0, 0,
            new FitRecord("none", "none", "none", DateTimeOffset.UnixEpoch, "none", 0, 0, "unfitted: lexical match only", "never abstains", 0, 0));
    }

    /// <summary>Loads and checks a weights file.</summary>
    /// <exception cref="RankerModelException">The file is missing, unreadable, or does not fit this version's features.</exception>
    public static RankerModel Load(string path)
    {
        RankerModel? model;
        try
        {
            model = JsonSerializer.Deserialize(File.ReadAllText(path), RankerModelJsonContext.Default.RankerModel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            throw new RankerModelException(path, e.Message, e);
        }

        if (model is null)
            throw new RankerModelException(path, "the file holds no weights");
        model.Check(path);
        return model;
    }

    public async Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, RankerModelJsonContext.Default.RankerModel) + "\n", cancellationToken);
    }

    private void Check(string path)
    {
        void Require(bool ok, string problem)
        {
            if (!ok)
                throw new RankerModelException(path, problem);
        }

        Require(Version == CurrentVersion, $"version {Version}, this build reads version {CurrentVersion}; run `talksbot fit` again");
        Require(FeatureNames is not null && FeatureNames.SequenceEqual(SentenceFeatures.Names),
            $"its features ({string.Join(", ", FeatureNames ?? [])}) are not this build's ({string.Join(", ", SentenceFeatures.Names)}); run `talksbot fit` again");
        Require(AbstainFeatureNames is not null && AbstainFeatureNames.SequenceEqual(AbstentionFeatures.Names),
            $"its abstention features are not this build's ({string.Join(", ", AbstentionFeatures.Names)}); run `talksbot fit` again");
        foreach (var (name, list, count) in new[]
                 {
                     ("featureMeans", FeatureMeans, FeatureNames!.Count), ("featureScales", FeatureScales, FeatureNames.Count),
                     ("rankWeights", RankWeights, FeatureNames.Count), ("abstainMeans", AbstainMeans, AbstainFeatureNames!.Count),
                     ("abstainScales", AbstainScales, AbstainFeatureNames.Count), ("abstainWeights", AbstainWeights, AbstainFeatureNames.Count),
                 })
        {
            Require(list is not null && list.Count == count, $"{name} must hold {count} numbers");
            Require(list!.All(double.IsFinite), $"{name} holds a number that is not finite");
        }

        Require(FeatureScales.All(s => s > 0) && AbstainScales.All(s => s > 0), "every scale must be above 0");
        Require(double.IsFinite(AbstainBias), "abstainBias must be a finite number");
        Require(AnswerThreshold is >= 0 and <= 1, "answerThreshold must be between 0 and 1");
        Require(Fitted is not null, "fitted (how the weights were fitted) is missing");
    }
}

/// <summary>How a <see cref="RankerModel"/> was fitted.</summary>
/// <param name="Suite">The suite file and the part of it used.</param>
/// <param name="Questions">Questions the ranker was fitted on (answerable ones whose answer was among the candidates).</param>
/// <param name="AbstentionQuestions">Questions the abstention model was fitted on.</param>
/// <param name="Objective">What the fit minimised.</param>
/// <param name="ThresholdRule">How the answer threshold was chosen.</param>
internal sealed record FitRecord(
    string Suite,
    string Articles,
    string Part,
    DateTimeOffset FittedAt,
    string Embedder,
    int Questions,
    int AbstentionQuestions,
    string Objective,
    string ThresholdRule,
    double TrainAnswerableAbstained,
    double TrainUnanswerableAbstained);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RankerModel))]
internal sealed partial class RankerModelJsonContext : JsonSerializerContext;
