using System.Globalization;
using Microsoft.Extensions.Options;

namespace TalksBot.Discord.Gateway;

/// <summary>
/// Which shard this process is and how many there are. The count is known at start-up, or for <c>ShardCount=auto</c> once
/// <c>GET /gateway/bot</c> has answered, always before the first Identify; it then stays fixed, because every process must
/// split the guilds the same way.
/// </summary>
internal sealed class ShardAssignment(IOptions<DiscordOptions> options)
{
    private volatile int _count = options.Value.FixedShardCount ?? 0;

    public int Id { get; } = options.Value.ShardId;

    /// <summary>0 until known.</summary>
    public int Count => _count;

    /// <summary>More than one shard, so each handles only its own guilds. Not while the count is unknown: no event comes before READY.</summary>
    public bool Sharded => _count > 1;

    /// <summary>Only shard 0 registers the application commands: a bulk overwrite per process would be the same call N times.</summary>
    public bool RegistersCommands => Id == 0;

    /// <summary>
    /// Takes Discord's recommended <paramref name="recommended"/> count when <c>auto</c> was configured; returns why it cannot
    /// run as configured, or null when it can.
    /// </summary>
    public string? Resolve(int recommended)
    {
        if (_count == 0)
        {
            _count = Math.Max(1, recommended);
        }

        return Id < _count
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"Discord:ShardId is {Id}, but Discord recommends {_count} shard(s) (Discord:ShardCount=auto), so shard ids run from 0 to {_count - 1}. Run fewer processes, or set Discord:ShardCount to a fixed number in every process.");
    }

    /// <summary>
    /// Discord's rule: a guild's events go to shard <c>(guild_id &gt;&gt; 22) % count</c>; direct messages (no guild) to shard 0.
    /// An unreadable guild id is treated as not ours: another shard will have it.
    /// </summary>
    public static bool Owns(int shardId, int shardCount, string? guildId)
    {
        if (guildId is null)
        {
            return shardId == 0;
        }

        return ulong.TryParse(guildId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && shardCount > 0
            && (int)((id >> 22) % (ulong)shardCount) == shardId;
    }
}
