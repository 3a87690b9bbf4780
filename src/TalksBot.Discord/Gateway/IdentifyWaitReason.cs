namespace TalksBot.Discord.Gateway;

internal enum IdentifyWaitReason
{
    /// <summary><c>session_start_limit.remaining</c> is 0: wait <c>reset_after</c>, then ask Discord again.</summary>
    SessionBudgetSpent,

    /// <summary>The process's first attempt to identify waits its shard's turn within its bucket; later ones do not.</summary>
    StartUpTurn,

    /// <summary>This bucket identified less than 5 s ago.</summary>
    BucketWindow,
}
