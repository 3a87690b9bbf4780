using System.Text.Json;
using TalksBot.Discord.Commands;
using TalksBot.Discord.Gateway;
using TalksBot.Discord.Rest;

namespace TalksBot.Discord.Tests.Bot;

public sealed class InteractionContextTests
{
    private static InteractionContext Context(string json) =>
        new(JsonSerializer.Deserialize(json, GatewayJsonContext.Default.InteractionData)!, new DiscordApi(null!));

    [Fact]
    public void OptionsInsideASubcommandAreFound()
    {
        var context = Context("""
            {"id":"1","application_id":"2","token":"t","type":2,"guild_id":"3","member":{"user":{"id":"4"},"permissions":"0"},
             "data":{"name":"articles","options":[{"name":"add","type":1,"options":[{"name":"url","type":3,"value":"https://example.org/x"}]}]}}
            """);

        Assert.Equal("add", context.Subcommand);
        Assert.Equal("https://example.org/x", context.GetOption("url"));
    }

    [Fact]
    public void AnAttachmentOptionIsResolvedToTheFileDiscordDescribes()
    {
        var context = Context("""
            {"id":"1","application_id":"2","token":"t","type":2,"guild_id":"3","member":{"user":{"id":"4"},"permissions":"32"},
             "data":{"name":"articles","options":[{"name":"add","type":1,"options":[{"name":"file","type":11,"value":"77"}]}],
                     "resolved":{"attachments":{"77":{"id":"77","filename":"talks.md","size":1234,"content_type":"text/markdown",
                                 "url":"https://cdn.discordapp.com/attachments/3/77/talks.md?ex=1","proxy_url":"https://media.discordapp.net/x"}}}}}
            """);

        var file = context.GetAttachment("file");

        Assert.NotNull(file);
        Assert.Equal(("talks.md", 1234L, "text/markdown"), (file.FileName, file.Size, file.ContentType));
        Assert.Equal("https://cdn.discordapp.com/attachments/3/77/talks.md?ex=1", file.Url.AbsoluteUri);
        Assert.Null(context.GetAttachment("url"));
    }

    [Theory]
    [InlineData("32", 32UL, true)]
    [InlineData("8", 32UL, true)]
    [InlineData("16", 32UL, false)]
    public void PermissionsAreReadFromTheMemberBitfield(string permissions, ulong required, bool expected)
    {
        var context = Context($$$"""
            {"id":"1","application_id":"2","token":"t","type":2,"guild_id":"3","member":{"user":{"id":"4"},"permissions":"{{{permissions}}}"},"data":{"name":"x"}}
            """);

        Assert.Equal(expected, context.HasPermissions(required));
    }

    [Fact]
    public void AMemberHasAModeratorRoleOnlyWhenOneOfTheirRolesIsConfigured()
    {
        const string Json = """
            {"id":"1","application_id":"2","token":"t","type":2,"guild_id":"3","member":{"user":{"id":"4"},"permissions":"0","roles":["10","11"]},"data":{"name":"x"}}
            """;
        var interaction = JsonSerializer.Deserialize(Json, GatewayJsonContext.Default.InteractionData)!;

        var configured = new InteractionContext(interaction, new DiscordApi(null!), [11UL]);
        var other = new InteractionContext(interaction, new DiscordApi(null!), [12UL]);

        Assert.Equal([10UL, 11UL], configured.MemberRoleIds);
        Assert.True(configured.HasModeratorRole);
        Assert.False(other.HasModeratorRole);
    }

    [Fact]
    public void NobodyHasServerPermissionsInADirectMessage()
    {
        var context = Context("""{"id":"1","application_id":"2","token":"t","type":2,"user":{"id":"4"},"data":{"name":"x"}}""");

        Assert.Equal(4UL, context.UserId);
        Assert.False(context.HasPermissions(32));
        Assert.Empty(context.MemberRoleIds);
    }
}
