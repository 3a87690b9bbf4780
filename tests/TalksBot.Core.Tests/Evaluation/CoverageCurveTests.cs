using TalksBot.Core.Evaluation;
using static TalksBot.Core.Tests.Evaluation.EvaluationSamples;

namespace TalksBot.Core.Tests.Evaluation;

public sealed class CoverageCurveTests
{
    private static ItemResult Scored(string id, string text, double? confidence, bool abstained = false)
    {
        var reply = abstained ? Abstention() : Answer(text, "a1");
        return ItemScorer.Score(Answerable(id), reply with { Answer = reply.Answer with { Confidence = confidence } }, EvaluationOptions.Default);
    }

    [Fact]
    public void AccuracyIsMeasuredOnTheAnswersAtLeastAsConfidentAsEachThreshold()
    {
        var curve = CoverageCurve.Of(
        [
            Scored("q1", "Riyadh.", 0.9),
            Scored("q2", "Paris.", 0.5),
            Scored("q3", "Riyadh.", 0.2),
            Scored("q4", "", null, abstained: true),
        ]);

        Assert.Equal([0.9, 0.5, 0.2], curve.Select(p => p.Threshold));
        Assert.Equal([0.25, 0.5, 0.75], curve.Select(p => p.Coverage));
        Assert.Equal([new Rate(1, 1), new Rate(1, 2), new Rate(2, 3)], curve.Select(p => p.Accuracy));
    }

    [Fact]
    public void TiedConfidencesMakeOnePointAndNullCountsAsFullyConfident()
    {
        var curve = CoverageCurve.Of([Scored("q1", "Riyadh.", null), Scored("q2", "Paris.", 1), Scored("q3", "Riyadh.", 0.4)]);

        Assert.Equal(2, curve.Count);
        Assert.Equal(new CoveragePoint(1, 2, 2 / 3.0, new Rate(1, 2)), curve[0]);
    }

    [Fact]
    public void AllAbstentionsGiveNoPoints() =>
        Assert.Empty(CoverageCurve.Of([Scored("q1", "", 0.9, abstained: true)]));
}
