using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Ranking;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests.Answering.Ranking;

public sealed class AbstentionFeaturesTests
{
    private static readonly Lexicon Lexicon = TestLexicon.Create();
    private readonly QuestionReader _reader = new(new QuestionAnalyzer(Lexicon, new SideFinder(Lexicon)));

    [Fact]
    public void APersonTheQuestionNamesButTheBestSentenceAndItsNeighboursLackIsMissing()
    {
        var passage = Passages.Of("a",
            "The president spoke to reporters in Kyiv on Tuesday. "
            + "President Volodymyr Zelensky said Ukraine would not recognise any deal made without it. "
            + "The talks lasted four hours.");

        Assert.Equal(1.0, Of("What did Secretary Marco Rubio say about a deal made without Ukraine?", passage)[Feature("person_missing")]);
        Assert.Equal(0.0, Of("What did President Volodymyr Zelensky say about a deal made without Ukraine?", passage)[Feature("person_missing")]);
    }

    [Fact]
    public void APersonNamedWithASlipOfALetterIsNotMissing()
    {
        var passage = Passages.Of("a", "Middle East envoy Steve Witkoff said the talks had gone well and would go on.");

        Assert.Equal(0.0, Of("What did envoy Steve Witkof say about the talks?", passage)[Feature("person_missing")]);
    }

    [Fact]
    public void AQuestionNamingNoPersonHasNoPersonMissing()
    {
        var passage = Passages.Of("a", "The delegations met in Riyadh for four hours on Tuesday.");

        Assert.Equal(0.0, Of("Where did the delegations meet for four hours?", passage)[Feature("person_missing")]);
    }

    [Fact]
    public void ANegationTheQuestionAddsAndTheBestPassageLacksIsUnmatched()
    {
        var passage = Passages.Of("a", "The talks were hosted by Riyadh after weeks of preparation by both sides.");

        Assert.Equal(1.0, Of("Which city did not host the talks after weeks of preparation?", passage)[Feature("negation_unmatched")]);
        Assert.Equal(0.0, Of("Which city hosted the talks after weeks of preparation?", passage)[Feature("negation_unmatched")]);
    }

    private double[] Of(string question, params RetrievedPassage[] passages)
    {
        var read = _reader.Read(question, vector: null);
        var candidates = SentenceFeatures.Build(read, passages, _ => false);
        // Lexical match decides the best sentence here, as a fitted ranker would on these crafted passages.
        var ranked = candidates.OrderByDescending(c => c.Features[SentenceFeatures.Names.ToList().IndexOf("lexical")]).ToList();
        return AbstentionFeatures.Of(read, ranked);
    }

    private static int Feature(string name) => AbstentionFeatures.Names.ToList().IndexOf(name);
}
