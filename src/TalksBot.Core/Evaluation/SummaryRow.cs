namespace TalksBot.Core.Evaluation;

/// <summary>One line of the console summary.</summary>
/// <param name="Value">The raw figure (fraction, score, count or milliseconds); null when undefined (empty denominator).</param>
/// <param name="Formatted">Ready to print, e.g. "83.3% (25/30)", "412 ms", "n/a (0 items)".</param>
public sealed record SummaryRow(string Label, double? Value, string Formatted, SummaryRowKind Kind);
