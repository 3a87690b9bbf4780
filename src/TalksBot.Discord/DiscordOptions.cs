using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace TalksBot.Discord;

/// <summary>The Discord bot's settings (section <c>Discord</c>). The token comes from the environment or user secrets.</summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    private const int MaxShards = 10_000;

    /// <summary>The bot token. Never logged and never echoed in errors.</summary>
    [Required(ErrorMessage = "Discord:Token is required (set the environment variable Discord__Token or a user secret)")]
    public string Token { get; set; } = "";

    /// <summary>REST base; the gateway URL is read from <c>GET {ApiBaseUrl}/gateway/bot</c>, so a local fake moves everything.</summary>
    [Required(ErrorMessage = "Discord:ApiBaseUrl is required")]
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10");

    /// <summary>Guilds to register commands in (immediate); empty registers them globally.</summary>
    public IList<ulong> GuildIds { get; } = [];

    /// <summary>
    /// Roles whose members may use the moderator commands without the Manage Server permission. Discord still hides those
    /// commands from them until a server admin allows the role under Server Settings → Integrations.
    /// </summary>
    public IList<ulong> ModeratorRoleIds { get; } = [];

    /// <summary>Channels where every message is answered; needs the privileged Message Content intent.</summary>
    public IList<ulong> AutoReplyChannelIds { get; } = [];

    [Range(1, 1000, ErrorMessage = "Discord:QuestionsPerMinute must be between 1 and 1000")]
    public int QuestionsPerMinute { get; set; } = 5;

    /// <summary>This process's shard: it handles the guilds with <c>(guild_id &gt;&gt; 22) % ShardCount == ShardId</c>, and DMs on shard 0.</summary>
    [Range(0, 10_000, ErrorMessage = "Discord:ShardId must be between 0 and 10000")]
    public int ShardId { get; set; }

    /// <summary>
    /// How many shards the bot's guilds are split over: a whole number, the same in every process, or <c>auto</c> for the
    /// <c>shards</c> Discord recommends in <c>GET /gateway/bot</c>, read once at start-up.
    /// </summary>
    public string ShardCount { get; set; } = "1";

    /// <summary>The configured shard count, or null for <c>auto</c> (known once Discord has been asked).</summary>
    internal int? FixedShardCount =>
        int.TryParse(ShardCount, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;

    internal bool AutoShardCount => string.Equals(ShardCount.Trim(), "auto", StringComparison.OrdinalIgnoreCase);

    /// <summary>How many answers may be worked on at once; more wait in a bounded queue.</summary>
    [Range(1, 256, ErrorMessage = "Discord:MaxConcurrentAnswers must be between 1 and 256")]
    public int MaxConcurrentAnswers { get; set; } = 16;

    /// <summary>
    /// How many gateway events may wait for the event workers. The receive loop never waits for room: beyond this, questions
    /// are told the bot is busy, so heartbeat ACKs keep being read.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Discord:EventQueueCapacity must be between 1 and 100000")]
    public int EventQueueCapacity { get; set; } = 1_000;

    /// <summary>How many questions may wait for a free answer worker; beyond this they are told the bot is busy.</summary>
    [Range(1, 100_000, ErrorMessage = "Discord:AnswerQueueCapacity must be between 1 and 100000")]
    public int AnswerQueueCapacity { get; set; } = 1_000;

    /// <summary>
    /// A member's conversation in a channel ends after this many minutes without a question; the next one is read on its
    /// own, not as a follow-up.
    /// </summary>
    [Range(1, 10_080, ErrorMessage = "Discord:ConversationIdleMinutes must be between 1 and 10080 (a week)")]
    public int ConversationIdleMinutes { get; set; } = 30;

    /// <summary>How many conversations are tracked at once; the least recently used is forgotten first.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Discord:MaxConversations must be between 1 and 1000000")]
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>First reconnect delay; doubles per failed attempt, with jitter, up to <see cref="ReconnectMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = "Discord:ReconnectBaseDelay must be between 1 ms and 1 minute")]
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00", ErrorMessage = "Discord:ReconnectMaxDelay must be between 1 ms and 10 minutes")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Discord asks for a 1–5 s wait after an invalid session before identifying again; tests shorten it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "Discord:InvalidSessionDelay must be between 0 and 10 seconds")]
    public TimeSpan InvalidSessionDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the typing indicator is re-sent while an answer is worked on; Discord shows it for about 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:09", ErrorMessage = "Discord:TypingInterval must be between 50 ms and 9 seconds")]
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Stop retrying REST calls for a while once this many 401/403/429 answers were seen in 10 minutes (Discord bans at 10,000).</summary>
    [Range(10, 9_000, ErrorMessage = "Discord:InvalidRequestBudget must be between 10 and 9000")]
    public int InvalidRequestBudget { get; set; } = 1_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ApiBaseUrl.IsAbsoluteUri || (ApiBaseUrl.Scheme != Uri.UriSchemeHttp && ApiBaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Discord:ApiBaseUrl must be an absolute http(s) URL", [nameof(ApiBaseUrl)]);
        }

        if (!AutoShardCount && FixedShardCount is not (>= 1 and <= MaxShards))
        {
            yield return new ValidationResult($"Discord:ShardCount must be a whole number from 1 to {MaxShards}, or 'auto'", [nameof(ShardCount)]);
        }
        else if (ShardId >= FixedShardCount)
        {
            yield return new ValidationResult("Discord:ShardId must be less than Discord:ShardCount", [nameof(ShardId)]);
        }

        if (ReconnectMaxDelay < ReconnectBaseDelay)
        {
            yield return new ValidationResult("Discord:ReconnectMaxDelay must not be less than Discord:ReconnectBaseDelay", [nameof(ReconnectMaxDelay)]);
        }

        if (Token.Any(char.IsWhiteSpace))
        {
            yield return new ValidationResult("Discord:Token must be the bare bot token, without spaces or a 'Bot ' prefix", [nameof(Token)]);
        }
    }
}
