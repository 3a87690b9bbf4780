using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests.Answering;

public sealed class AnsweringOptionsTests
{
    [Fact]
    public void AnOutOfRangeSettingFailsNamingItsKey()
    {
        var options = new AnsweringOptions { RetrievalLimit = 0 };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("Answering:RetrievalLimit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultsAreValid()
    {
        new AnsweringOptions().Validate();
    }
}
