using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Ranking;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests.Answering.Ranking;

public sealed class SentenceFeaturesTests
{
    private static readonly Lexicon Lexicon = TestLexicon.Create();
    private readonly QuestionReader _reader = new(new QuestionAnalyzer(Lexicon, new SideFinder(Lexicon)));

    [Fact]
    public void ASentenceHoldingTheQuestionsRareWordOutranksOneHoldingAWordCommonToEveryCandidate()
    {
        // Every candidate says "oxygen" and most say "chemist": the one word that tells them apart is "isolated".
        var passage = Passages.Of("a",
            "Oxygen was isolated in a small laboratory near the river. "
            + "The chemist said oxygen fed every flame in the room. "
            + "Every chemist knows that oxygen is reactive and common. "
            + "A chemist measured oxygen in the air each morning.");

        var candidates = Build("When did the chemist first see oxygen isolated?", passage);

        var lexical = Feature("lexical");
        Assert.True(candidates[0].Features[lexical] > candidates[1].Features[lexical],
            $"rare-word sentence {candidates[0].Features[lexical]:F3} vs common-word sentence {candidates[1].Features[lexical]:F3}");
    }

    [Fact]
    public void TheAnswerTypeFeatureFiresForAWhoQuestionOnlyOnASentenceWithANameTheQuestionDoesNotHold()
    {
        var named = Passages.Of("a", "Lavrov met Marco Rubio for four hours.");
        var onlyAsked = Passages.Of("b", "The talks with Lavrov lasted four hours in total.", rank: 1);
        var unnamed = Passages.Of("c", "Delegates talked for four hours without a break.", rank: 2);

        var candidates = Build("Who met Lavrov?", named, onlyAsked, unnamed);

        var type = Feature("answer_type_in_sentence");
        Assert.Equal([1.0, 0.0, 0.0], candidates.Select(c => c.Features[type]));
    }

    [Fact]
    public void TheQuestionEntityMissingFeatureIsOneForASentenceAboutSomeoneElse()
    {
        var swapped = Passages.Of("a", "Rubio said sanctions would stay in place for now.");
        var asked = Passages.Of("b", "Lavrov said sanctions must be lifted first.", rank: 1);

        var candidates = Build("What did Lavrov say about sanctions?", swapped, asked);

        var missing = Feature("question_entities_missing");
        Assert.Equal([1.0, 0.0], candidates.Select(c => c.Features[missing]));
    }

    [Fact]
    public void AWordTypedWithASlipMatchesEvenWhenItsStemIsShort()
    {
        // "midle" stems to "midl" and "middle" to "middl": too short to judge a slip on the stems, plain on what was typed.
        var passage = Passages.Of("a", "Middle East envoy Steve Witkoff joined the talks in Riyadh.");

        var candidates = Build("who was the midle east envoy", passage);

        Assert.Equal(1.0, candidates[0].Features[Feature("lexical")], 6);
    }

    private List<RankedSentence> Build(string question, params RetrievedPassage[] passages) =>
        SentenceFeatures.Build(_reader.Read(question, vector: null), passages, _ => false);

    private static int Feature(string name) => SentenceFeatures.Names.ToList().IndexOf(name);
}
