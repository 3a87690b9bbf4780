using TalksBot.Core.Passages;

namespace TalksBot.Core.Tests.Passages;

public sealed class PassageIdTests
{
    [Fact]
    public void NameBasedIdsFollowRfc4122Version5()
    {
        // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") — an independent implementation of the RFC.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("886313e1-3b8a-5372-9b90-0c9aee199e5d"), PassageId.NameBased(dns, "python.org"));
    }

    [Fact]
    public void OrdinalIsPartOfTheId()
    {
        Assert.NotEqual(PassageId.Create("a", 0, "Same text."), PassageId.Create("a", 1, "Same text."));
    }

    [Fact]
    public void ArticleIdIsPartOfTheId()
    {
        Assert.NotEqual(PassageId.Create("a", 0, "Same text."), PassageId.Create("b", 0, "Same text."));
    }
}
