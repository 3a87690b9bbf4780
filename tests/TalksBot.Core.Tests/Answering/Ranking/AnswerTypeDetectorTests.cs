using TalksBot.Core.Answering.Ranking;

namespace TalksBot.Core.Tests.Answering.Ranking;

public sealed class AnswerTypeDetectorTests
{
    [Theory]
    [InlineData("The year 1066 changed England for good.", "1066")]
    [InlineData("Raiders crossed the sea throughout the 880s.", "880s")]
    [InlineData("The castle was rebuilt during the 10th century.", "10th century")]
    [InlineData("The settlement dates to 300 BC, scholars say.", "300 BC")]
    [InlineData("The talks began on February 18, 2025, at a palace.", "February 18, 2025")]
    public void FindsDatesOfAnyEra(string sentence, string date)
    {
        var dates = AnswerTypeDetector.Values(AnswerType.Date, sentence);

        Assert.Contains(dates, d => d.Contains(date, StringComparison.Ordinal));
    }

    [Fact]
    public void ASentenceWithoutADateHasNone()
    {
        Assert.Empty(AnswerTypeDetector.Find(AnswerType.Date, "The delegates shook hands and went home."));
    }

    [Theory]
    [InlineData("About 300 people attended the meeting.", "300")]
    [InlineData("Two officials resigned after the vote.", "Two")]
    [InlineData("Prices rose by 4.5% over the year.", "4.5%")]
    public void FindsNumbersInFiguresAndWords(string sentence, string number)
    {
        Assert.Contains(number, AnswerTypeDetector.Values(AnswerType.Number, sentence));
    }

    [Theory]
    [InlineData("The talks stalled because the sides disagreed on security.", "because")]
    [InlineData("The meeting was postponed due to the storm.", "due to")]
    public void FindsTheWordsAReasonIsGivenWith(string sentence, string cue)
    {
        Assert.Contains(cue, AnswerTypeDetector.Values(AnswerType.Reason, sentence));
    }

    [Fact]
    public void FindsAPlaceAfterALocativePreposition()
    {
        Assert.Equal(["Riyadh"], AnswerTypeDetector.Values(AnswerType.Place, "The delegates met in Riyadh for the talks."));
    }

    [Theory]
    [InlineData("Leaders from Eastern Europe may feel vulnerable about their defence.")]
    [InlineData("The envoys said they may meet again soon.")]
    [InlineData("Theresa May spoke to reporters.")]
    public void TheVerbMayAndTheNameMayAreNoDates(string sentence)
    {
        Assert.Empty(AnswerTypeDetector.Find(AnswerType.Date, sentence));
    }

    [Theory]
    [InlineData("The treaty was signed on May 8, 1945.", "May 8, 1945")]
    [InlineData("Elections were held in May 2024.", "May 2024")]
    public void MayWithADayOrAYearIsADate(string sentence, string date)
    {
        Assert.Contains(date, AnswerTypeDetector.Values(AnswerType.Date, sentence));
    }

    [Theory]
    [InlineData("Officials in European capitals reacted with alarm.")]
    [InlineData("The offer came from Russian officials on Monday.")]
    public void ANationalityBeforeItsNounIsNoPlace(string sentence)
    {
        Assert.Empty(AnswerTypeDetector.Values(AnswerType.Place, sentence));
    }

    [Theory]
    [InlineData("The ministers met in Milan and agreed a plan.", "Milan")]
    [InlineData("Storms formed over the sea near the Caribbean in June.", "Caribbean")]
    public void APlaceSpeltLikeANationalityIsStillAPlace(string sentence, string place)
    {
        Assert.Equal([place], AnswerTypeDetector.Values(AnswerType.Place, sentence));
    }

    [Theory]
    [InlineData("The Russian side was led by Foreign Minister Sergey Lavrov.", "Foreign Minister Sergey Lavrov")]
    [InlineData("The team included Middle East envoy Steve Witkoff.", "Steve Witkoff")]
    [InlineData("Frank Lloyd Wright designed the museum in 1943.", "Frank Lloyd Wright")]
    public void FindsAPersonByTitleOrByWhatTheyDid(string sentence, string person)
    {
        Assert.Contains(person, AnswerTypeDetector.People(sentence));
    }

    [Theory]
    [InlineData("Taking place at the historic Diriyah venue in Riyadh, Saudi Arabia, these talks mark a shift since the Cold War.")]
    [InlineData("The Amazon Basin covers much of Brazil.")]
    public void PlacesAndEventsAreNoPeople(string sentence)
    {
        Assert.Empty(AnswerTypeDetector.People(sentence));
    }

    [Fact]
    public void ANameWithoutAPrecedingPrepositionIsNoPlace()
    {
        Assert.Empty(AnswerTypeDetector.Values(AnswerType.Place, "Riyadh welcomed the delegates warmly."));
    }

    [Fact]
    public void FindsANameInsideASentence()
    {
        Assert.Contains("Marco Rubio", AnswerTypeDetector.Values(AnswerType.Name, "The delegation was led by Marco Rubio."));
    }

    [Theory]
    [InlineData("Officials met briefly on the second day.")]
    [InlineData("The talks resumed on Monday.")]
    public void ASingleCapitalisedWordOpeningASentenceOrACalendarWordIsNoName(string sentence)
    {
        Assert.Empty(AnswerTypeDetector.Values(AnswerType.Name, sentence));
    }
}
