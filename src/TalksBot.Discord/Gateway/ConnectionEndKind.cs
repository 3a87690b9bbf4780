namespace TalksBot.Discord.Gateway;

internal enum ConnectionEndKind
{
    /// <summary>Reconnect and Resume the session.</summary>
    Resume,

    /// <summary>Reconnect and Identify afresh.</summary>
    Identify,

    /// <summary>Stop: retrying cannot help until the operator fixes something.</summary>
    Fatal,

    /// <summary>The host is stopping; the socket was closed with 1000.</summary>
    Shutdown,
}
