using TalksBot.Indexing;

namespace TalksBot.Tests;

public sealed class RefreshOptionsTests
{
    [Fact]
    public void ADebounceOfZeroIsRejectedNamingTheKey()
    {
        var result = new RefreshOptionsValidator().Validate(null, new RefreshOptions { Debounce = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("Refresh:Debounce", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyLockPathIsRejectedNamingTheKey()
    {
        var result = new RefreshOptionsValidator().Validate(null, new RefreshOptions { LockPath = "" });

        Assert.True(result.Failed);
        Assert.Contains("Refresh:LockPath", result.FailureMessage, StringComparison.Ordinal);
    }
}
