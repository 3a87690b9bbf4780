namespace TalksBot.Discord;

/// <summary>What the bot knows about itself: its ids once READY, and why it stopped if a fatal close code stopped it.</summary>
public sealed class DiscordBotStatus
{
    private volatile string? _userId;
    private volatile string? _applicationId;
    private volatile string? _fatalError;
    private volatile bool _connected;
    private volatile bool _fatalIsConfiguration;

    /// <summary>The bot's own user id (snowflake), from READY.</summary>
    public string? UserId => _userId;

    /// <summary>The application id (snowflake), from READY; commands and webhooks are addressed by it.</summary>
    public string? ApplicationId => _applicationId;

    /// <summary>Set when Discord refused the bot in a way retrying cannot fix (e.g. a bad token, a privileged intent switched off).</summary>
    public string? FatalError => _fatalError;

    /// <summary>The fatal error is a setting to fix (a shard id beyond Discord's shard count), not a refusal by Discord.</summary>
    public bool FatalIsConfiguration => _fatalIsConfiguration;

    internal void SetReady(string userId, string applicationId)
    {
        _userId = userId;
        _applicationId = applicationId;
    }

    /// <summary>True while a gateway connection has reached READY or RESUMED and has not ended: events are arriving.</summary>
    public bool IsConnected => _connected;

    internal void SetFatal(string message, bool isConfiguration = false)
    {
        _fatalIsConfiguration = isConfiguration;
        _fatalError = message;
    }

    internal void SetConnected(bool connected) => _connected = connected;
}
