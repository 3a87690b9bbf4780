namespace TalksBot.Core.Evaluation;

/// <summary>What a <see cref="SummaryRow"/> value measures, so a renderer can colour rates and align numbers.</summary>
public enum SummaryRowKind
{
    /// <summary>A number of items.</summary>
    Count,

    /// <summary>A fraction 0–1 where higher is better.</summary>
    Rate,

    /// <summary>A fraction 0–1 where lower is better (false abstentions).</summary>
    LowerIsBetter,

    /// <summary>A score 0–1 that is not a proportion (MRR).</summary>
    Score,

    /// <summary>A duration in milliseconds.</summary>
    Milliseconds,
}
