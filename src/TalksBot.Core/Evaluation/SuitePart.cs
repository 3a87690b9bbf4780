namespace TalksBot.Core.Evaluation;

/// <summary>Which part of a suite to use (see <see cref="HeldOutSplit"/>).</summary>
public enum SuitePart
{
    /// <summary>Every item.</summary>
    All,

    /// <summary>The items weights and thresholds may be fitted and tuned on.</summary>
    Train,

    /// <summary>The items nobody fits or tunes on; the figures to report.</summary>
    HeldOut,
}
