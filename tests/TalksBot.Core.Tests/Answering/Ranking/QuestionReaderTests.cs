using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Ranking;
using TalksBot.Core.Text;

namespace TalksBot.Core.Tests.Answering.Ranking;

public sealed class QuestionReaderTests
{
    private readonly QuestionReader _reader = Create();

    [Fact]
    public void AQuestionWordMisspeltByOneLetterIsCorrected()
    {
        var question = _reader.Read("wher did they meet", vector: null);

        Assert.Equal("where did they meet", question.Text);
        Assert.Equal(AnswerType.Place, question.Answers);
    }

    [Fact]
    public void AnOpeningEnglishWordOneLetterFromAQuestionWordIsLeftAsItIs()
    {
        var question = _reader.Read("then what happened at the talks?", vector: null);

        Assert.Equal("then what happened at the talks?", question.Text);
    }

    [Theory]
    [InlineData("Which Gulf kingdom hosted the talks?", "Place")]
    [InlineData("What year did the war begin?", "Date")]
    [InlineData("How many officials attended the meeting?", "Number")]
    [InlineData("Who led the Russian delegation?", "Name")]
    [InlineData("What did the delegations discuss?", "None")]
    [InlineData("Who is Keith Kellogg?", "None")]
    [InlineData("who was steve witkoff", "None")]
    [InlineData("Who is Russia's president?", "Name")]
    [InlineData("Who was in charge of the talks?", "Name")]
    public void TheAnswerTypeComesFromTheQuestionWordsTable(string text, string expected)
    {
        var question = _reader.Read(text, vector: null);

        Assert.Equal(Enum.Parse<AnswerType>(expected), question.Answers);
    }

    [Theory]
    [InlineData("¿Quién dirigió la delegación de Estados Unidos en las conversaciones?")]
    [InlineData("Кто возглавлял российскую делегацию на переговорах?")]
    public void AQuestionInAnotherLanguageIsForeign(string text)
    {
        Assert.True(_reader.Read(text, vector: null).IsForeign);
    }

    [Fact]
    public void AnEnglishQuestionIsNotForeign()
    {
        Assert.False(_reader.Read("Who led the Russian delegation at the talks in Riyadh?", vector: null).IsForeign);
    }

    [Fact]
    public void ANameTypedInLowerCaseIsStillATerm()
    {
        var question = _reader.Read("what did marco rubio say about sanctions?", vector: null);

        Assert.Contains(WordTokenizer.Stem("marco"), question.Terms);
        Assert.Contains(WordTokenizer.Stem("rubio"), question.Terms);
    }

    private static QuestionReader Create()
    {
        var lexicon = TestLexicon.Create();
        return new QuestionReader(new QuestionAnalyzer(lexicon, new SideFinder(lexicon)));
    }
}
