namespace TalksBot.Core.Answering.Ranking;

/// <summary>Scores candidates with the fitted weights and decides, from the same evidence, whether to answer at all.</summary>
internal sealed class SentenceRanker(RankerModel model)
{
    public RankerModel Model => model;

    /// <summary>Scores every candidate and sorts them best first; the probabilities are a softmax over the question's candidates.</summary>
    public List<RankedSentence> Rank(List<RankedSentence> candidates)
    {
        foreach (var candidate in candidates)
            candidate.Score = Linear(candidate.Features, model.FeatureMeans, model.FeatureScales, model.RankWeights, bias: 0);
        var max = candidates.Count == 0 ? 0 : candidates.Max(c => c.Score);
        var sum = candidates.Sum(c => Math.Exp(c.Score - max));
        foreach (var candidate in candidates)
            candidate.Probability = Math.Exp(candidate.Score - max) / sum;
        return [.. candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Source.Rank).ThenBy(c => c.Segment.Start)];
    }

    /// <summary>The abstention model's probability that the best sentence answers the question.</summary>
    public double Confidence(QuestionContext question, IReadOnlyList<RankedSentence> ranked) =>
        ranked.Count == 0 ? 0 : Sigmoid(Linear(AbstentionFeatures.Of(question, ranked), model.AbstainMeans, model.AbstainScales, model.AbstainWeights, model.AbstainBias));

    public bool ShouldAnswer(double confidence) => confidence >= model.AnswerThreshold;

    internal static double Linear(IReadOnlyList<double> x, IReadOnlyList<double> means, IReadOnlyList<double> scales, IReadOnlyList<double> weights, double bias)
    {
        var z = bias;
        for (var i = 0; i < x.Count; i++)
            z += weights[i] * (x[i] - means[i]) / scales[i];
        return z;
    }

    internal static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
