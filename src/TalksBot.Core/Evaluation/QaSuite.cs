namespace TalksBot.Core.Evaluation;

/// <summary>A validated Q&amp;A suite, in file order.</summary>
/// <param name="Name">Shown in reports: the file name without extension.</param>
public sealed record QaSuite(string Name, IReadOnlyList<QaItem> Items);
