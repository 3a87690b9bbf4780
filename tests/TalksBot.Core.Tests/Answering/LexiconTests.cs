using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests.Answering;

public sealed class LexiconTests
{
    [Fact]
    public void ParsesSidesWithTheirAliases()
    {
        var lexicon = TestLexicon.Create();

        var russia = Assert.Single(lexicon.Sides, s => s.Name == "Russia");
        Assert.Contains("Kremlin", russia.Aliases);
    }

    [Fact]
    public void AnUnknownSectionIsReportedWithItsFileAndLine()
    {
        const string yaml = "roles: [envoy]\nrolez: [aide]\n";

        var error = Assert.Throws<LexiconFormatException>(() => Lexicon.Parse([("roles.yaml", yaml)]));

        Assert.Contains("roles.yaml, line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("rolez", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidYamlIsReportedWithItsFileAndLine()
    {
        const string yaml = "roles:\n  - envoy\n - aide\n";

        var error = Assert.Throws<LexiconFormatException>(() => Lexicon.Parse([("bad.yaml", yaml)]));

        Assert.Contains("bad.yaml, line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnclosedListIsReportedWithItsFile()
    {
        const string yaml = "roles: [envoy\nmonths: {january: 1}\n";

        var error = Assert.Throws<LexiconFormatException>(() => Lexicon.Parse([("open.yaml", yaml)]));

        Assert.Contains("open.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMonthThatIsNotANumberIsReportedWithItsLine()
    {
        const string yaml = "months:\n  january: 1\n  february: two\n";

        var error = Assert.Throws<LexiconFormatException>(() => Lexicon.Parse([("dates.yaml", yaml)]));

        Assert.Contains("dates.yaml, line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFolderIsReportedWithItsPath()
    {
        var error = Assert.Throws<LexiconFormatException>(() => Lexicon.Load("/nonexistent/lexicon"));

        Assert.Contains("/nonexistent/lexicon", error.Message, StringComparison.Ordinal);
    }
}
