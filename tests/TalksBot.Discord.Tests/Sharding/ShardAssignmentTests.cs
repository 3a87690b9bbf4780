using System.Globalization;
using Microsoft.Extensions.Options;
using TalksBot.Discord.Gateway;

namespace TalksBot.Discord.Tests.Sharding;

public sealed class ShardAssignmentTests
{
    // A snowflake whose timestamp part (the bits above 22) is `timestamp`: Discord's shard formula reads only those bits.
    private static string Guild(ulong timestamp, ulong low = 0x3F_FFFF) => ((timestamp << 22) | low).ToString(CultureInfo.InvariantCulture);

    private static ShardAssignment Shard(int id, string count) =>
        new(Options.Create(new DiscordOptions { Token = "t", ShardId = id, ShardCount = count }));

    [Theory]
    [InlineData(0UL, 0)]
    [InlineData(1UL, 1)]
    [InlineData(2UL, 2)]
    [InlineData(3UL, 0)]
    [InlineData(1_000_000_007UL, 2)]
    public void AGuildBelongsToTheShardDiscordsFormulaNames(ulong timestamp, int expected)
    {
        for (var shard = 0; shard < 3; shard++)
        {
            Assert.Equal(shard == expected, ShardAssignment.Owns(shard, 3, Guild(timestamp)));
        }
    }

    [Fact]
    public void TheLow22BitsOfAGuildIdDoNotMoveItToAnotherShard() =>
        Assert.True(ShardAssignment.Owns(1, 2, Guild(1, low: 0)) && ShardAssignment.Owns(1, 2, Guild(1, low: 0x3F_FFFF)));

    [Fact]
    public void DirectMessagesBelongToShardZeroOnly()
    {
        Assert.True(ShardAssignment.Owns(0, 2, guildId: null));
        Assert.False(ShardAssignment.Owns(1, 2, guildId: null));
    }

    [Fact]
    public void AnUnreadableGuildIdIsNotTakenAsOurs() => Assert.False(ShardAssignment.Owns(0, 2, "not-a-snowflake"));

    [Fact]
    public void AnAutomaticCountTakesTheShardsDiscordRecommends()
    {
        var shard = Shard(2, "auto");

        Assert.Equal(0, shard.Count);
        Assert.Null(shard.Resolve(recommended: 4));
        Assert.Equal(4, shard.Count);
    }

    [Fact]
    public void AnAutomaticCountKeepsItsFirstAnswerForTheLifeOfTheProcess()
    {
        var shard = Shard(0, "auto");
        shard.Resolve(recommended: 2);

        shard.Resolve(recommended: 5);

        Assert.Equal(2, shard.Count);
    }

    [Fact]
    public void AShardIdBeyondTheRecommendedCountIsRefusedNamingDiscordShardId()
    {
        var problem = Shard(3, "auto").Resolve(recommended: 2);

        Assert.NotNull(problem);
        Assert.Contains("Discord:ShardId is 3", problem, StringComparison.Ordinal);
        Assert.Contains("from 0 to 1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AFixedCountIgnoresDiscordsRecommendation()
    {
        var shard = Shard(1, "2");

        Assert.Null(shard.Resolve(recommended: 7));
        Assert.Equal(2, shard.Count);
    }

    [Fact]
    public void OneShardOrAnAutomaticCountDiscordPutsAtOneIsNotSharded()
    {
        var auto = Shard(0, "auto");
        auto.Resolve(recommended: 1);

        Assert.False(Shard(0, "1").Sharded);
        Assert.False(auto.Sharded);
        Assert.True(Shard(0, "2").Sharded);
    }

    [Fact]
    public void OnlyShardZeroRegistersCommands()
    {
        Assert.True(Shard(0, "2").RegistersCommands);
        Assert.False(Shard(1, "2").RegistersCommands);
    }
}
