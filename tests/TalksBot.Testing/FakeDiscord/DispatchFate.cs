namespace TalksBot.Testing.FakeDiscord;

/// <summary>What became of a dispatch in a <see cref="FakeGatewaySessions"/> log, judged as Discord would.</summary>
public enum DispatchFate
{
    /// <summary>In the session's log, not yet written to a socket: the bot is disconnected and may still resume.</summary>
    Queued,

    /// <summary>Written on a live connection, or replayed on a resume: the bot received it.</summary>
    Delivered,

    /// <summary>Never written: the session was invalidated first, or there was no session. Discord does not replay these.</summary>
    Lost,

    /// <summary>Written to a socket the bot may already have dropped, in a session it never resumed: it may or may not have arrived.</summary>
    Unconfirmed,
}
