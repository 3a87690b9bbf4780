namespace TalksBot.Core.Analytics;

/// <summary>A reader's verdict on an answer (the 👍/👎 buttons).</summary>
public enum FeedbackVote
{
    /// <summary>👍</summary>
    Up,
    /// <summary>👎</summary>
    Down,
}
