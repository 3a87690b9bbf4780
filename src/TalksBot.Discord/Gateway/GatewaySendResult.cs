namespace TalksBot.Discord.Gateway;

/// <summary>What became of a payload handed to the gateway socket; the two refusals are ours, not a dropped connection.</summary>
internal enum GatewaySendResult
{
    Sent,

    /// <summary>Discord allows 120 gateway sends per connection per 60 s; this window's are used up, so it was not sent.</summary>
    BudgetSpent,

    /// <summary>Over Discord's 4096-byte limit (Discord would close with 4002), so it was not sent.</summary>
    TooLarge,
}
