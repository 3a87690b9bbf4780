namespace TalksBot.Analytics.Reports;

/// <summary>A titled grid of plain strings, ready for a console table.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
