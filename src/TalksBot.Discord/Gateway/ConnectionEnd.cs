namespace TalksBot.Discord.Gateway;

/// <summary>How one gateway connection ended and what the next one should do.</summary>
/// <param name="Session">The session to resume (updated sequence), or null when none was established.</param>
/// <param name="ReachedReady">READY or RESUMED arrived: the connection was healthy.</param>
/// <param name="Resumed">RESUMED arrived: the resume attempt worked.</param>
/// <param name="IdentifiedAt">When Identify was sent on this connection, if it was; the next one must wait 5 s from here.</param>
internal sealed record ConnectionEnd(
    ConnectionEndKind Kind,
    string Reason,
    int? CloseCode = null,
    GatewaySession? Session = null,
    bool ReachedReady = false,
    bool Resumed = false,
    bool InvalidSession = false,
    DateTimeOffset? IdentifiedAt = null);
