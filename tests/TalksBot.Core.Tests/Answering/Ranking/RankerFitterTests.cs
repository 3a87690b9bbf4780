using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Ranking;
using TalksBot.Core.Text;

namespace TalksBot.Core.Tests.Answering.Ranking;

public sealed class RankerFitterTests
{
    private static readonly int Separating = SentenceFeatures.Names.ToList().IndexOf("answer_type_in_sentence");

    [Fact]
    public void AFeatureThatSeparatesGoldFromTheRestGetsAPositiveWeightAndPutsGoldFirst()
    {
        var examples = Examples();

        var model = RankerFitter.Fit(examples, maxAnswerableAbstained: 0.1, Record);

        Assert.True(model.RankWeights[Separating] > 0, $"weight {model.RankWeights[Separating]}");
        var ranker = new SentenceRanker(model);
        Assert.All(examples.Where(e => e.Answerable), e => Assert.Same(e.Candidates[Array.IndexOf(e.Gold, true)], ranker.Rank(e.Candidates)[0]));
    }

    [Fact]
    public void TheFittedThresholdAbstainsOnAtMostTheAllowedShareOfAnswerableTrainingQuestions()
    {
        var examples = Examples();

        var model = RankerFitter.Fit(examples, maxAnswerableAbstained: 0.1, Record);

        var ranker = new SentenceRanker(model);
        var answerable = examples.Where(e => e.Answerable).ToList();
        var abstained = answerable.Count(e => !ranker.ShouldAnswer(ranker.Confidence(e.Question, ranker.Rank(e.Candidates))));
        Assert.True(abstained <= 0.1 * answerable.Count, $"abstained on {abstained} of {answerable.Count}");
    }

    [Fact]
    public void TheThresholdIsTheHighestCutThatAbstainsOnNoMoreThanTheAllowedShare()
    {
        List<double> confidences = [0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 1.0, 0.6, 0.4, 0.8];

        var threshold = RankerFitter.Threshold(confidences, maxAbstained: 0.2);

        Assert.Equal(2, confidences.Count(c => c < threshold));
    }

    // Forty answerable questions whose gold sentence alone has the separating feature, among noise in every other
    // feature, and twenty unanswerable ones where no sentence has it.
    private static List<RankerFitter.Example> Examples()
    {
#pragma warning disable CA5394 // Test data, not security: a seeded generator makes the problem the same on every run.
        var random = new Random(7);
        var reader = new QuestionReader(new QuestionAnalyzer(TestLexicon.Create(), new SideFinder(TestLexicon.Create())));
        var question = reader.Read("Who led the delegation?", vector: null);
        var passage = Passages.Of("a", "Someone led the delegation to the talks.");
        var examples = new List<RankerFitter.Example>();
        for (var q = 0; q < 60; q++)
        {
            var answerable = q < 40;
            var gold = answerable ? random.Next(5) : -1;
            var candidates = Enumerable.Range(0, 5).Select(c =>
            {
                var features = SentenceFeatures.Names.Select(_ => random.NextDouble()).ToArray();
                features[Separating] = c == gold ? 1 : 0;
                return new RankedSentence(passage, new TextSegment(passage.Passage.Text, 0, passage.Passage.Text.Length), 0, [], features);
            }).ToList();
            examples.Add(new RankerFitter.Example(question, candidates, answerable, [.. Enumerable.Range(0, 5).Select(c => c == gold)]));
        }
#pragma warning restore CA5394

        return examples;
    }

    private static FitRecord Record(int questions, int abstentionQuestions, int unanswerable, double answerableAbstained, double unanswerableAbstained) =>
        new("synthetic", "none", "all", DateTimeOffset.UnixEpoch, "none", questions, abstentionQuestions, "test", "test", answerableAbstained, unanswerableAbstained);
}
