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
    public void TheThresholdAbstainsWhereThatGetsMoreTrainingQuestionsRight()
    {
        // Answered right from 0.6 up; below it mostly unanswerable questions and a wrong answer, and one right answer at 0.2
        // that is worth less than the two unanswerable questions above it.
        List<RankerFitter.Decision> decisions =
        [
            new(0.9, true, true), new(0.8, true, true), new(0.7, true, true), new(0.6, true, true),
            new(0.5, false, false), new(0.4, true, false), new(0.3, false, false), new(0.2, true, true),
        ];

        var threshold = RankerFitter.Threshold(decisions, maxAbstained: 0.5);

        Assert.Equal(0.6, threshold);
    }

    [Fact]
    public void TheThresholdNeverAbstainsOnMoreAnswerableQuestionsThanAllowed()
    {
        // Cutting at 0.9 would get three right, but abstains on two of the three answerable questions; within one, the
        // best is two right, first reached at 0.4.
        List<RankerFitter.Decision> decisions =
            [new(0.9, true, true), new(0.6, false, false), new(0.5, true, false), new(0.4, true, false), new(0.2, false, false)];

        var threshold = RankerFitter.Threshold(decisions, maxAbstained: 0.34);

        Assert.Equal(0.4, threshold);
    }

    [Fact]
    public void OfEquallyGoodCutsTheLowestWins()
    {
        // Cutting at 0.9 wins the unanswerable question at 0.5 and loses the right answer at 0.1: two right either way.
        List<RankerFitter.Decision> decisions = [new(0.9, true, true), new(0.5, false, false), new(0.1, true, true)];

        var threshold = RankerFitter.Threshold(decisions, maxAbstained: 1.0);

        Assert.Equal(0.1, threshold);
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
