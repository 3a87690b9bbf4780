namespace TalksBot.Discord.Gateway;

/// <summary>What became of a dispatch the receive loop handed on.</summary>
internal enum EventAdmission
{
    /// <summary>Queued for the event workers.</summary>
    Queued,

    /// <summary>The event workers are behind: queued to be answered "busy".</summary>
    Shed,

    /// <summary>Both queues are full: the event is lost.</summary>
    Dropped,
}
