namespace TalksBot.Discord;

/// <summary>What the bot knows about itself: its ids once READY, and why it stopped if a fatal close code stopped it.</summary>
public sealed class DiscordBotStatus
{
    private volatile string? _userId;
    private volatile string? _applicationId;
    private volatile string? _fatalError;
    private volatile bool _connected;

    /// <summary>The bot's own user id (snowflake), from READY.</summary>
    public string? UserId => _userId;

    /// <summary>The application id (snowflake), from READY; commands and webhooks are addressed by it.</summary>
    public string? ApplicationId => _applicationId;

    /// <summary>Set when Discord refused the bot in a way retrying cannot fix (e.g. a bad token, a privileged intent switched off).</summary>
    public string? FatalError => _fatalError;

    internal void SetReady(string userId, string applicationId)
    {
        _userId = userId;
        _applicationId = applicationId;
    }

    /// <summary>True while a gateway connection has reached READY or RESUMED and has not ended: events are arriving.</summary>
    public bool IsConnected => _connected;

    internal void SetFatal(string message) => _fatalError = message;

    internal void SetConnected(bool connected) => _connected = connected;
}
